#include "cli/parallel.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace hantidy {
namespace {

// Sleeps longer for early tasks, so that later ones finish first and order must be restored.
class Numbered : public Task {
 public:
  explicit Numbered(int n) : n_(n) {}
  void run(std::size_t worker) override {
    std::this_thread::sleep_for(std::chrono::microseconds((16 - n_ % 16) * 100));
    if (n_ == 13) throw std::runtime_error("task 13 failed");
    worker_ = worker;
    result_ = n_ * 2;
  }
  int n_;
  int result_ = -1;
  std::size_t worker_ = 0;
};

std::vector<int> run_all(std::size_t workers, int count, bool& failed) {
  std::vector<int> seen;
  OrderedPool pool(workers, 3, [&](Task& t) { seen.push_back(static_cast<Numbered&>(t).result_); });
  failed = false;
  try {
    for (int i = 0; i < count; ++i) pool.submit(std::make_unique<Numbered>(i));
    pool.finish();
  } catch (const std::runtime_error& e) {
    failed = true;
    CHECK(std::string(e.what()) == "task 13 failed");
  }
  return seen;
}

TEST_CASE("the ordered pool delivers results in submission order whatever the timing",
          "[parallel]") {
  for (std::size_t workers : {0, 1, 2, 4}) {
    INFO("workers " << workers);
    bool failed = false;
    std::vector<int> seen = run_all(workers, 13, failed);
    CHECK_FALSE(failed);
    REQUIRE(seen.size() == 13);
    for (int i = 0; i < 13; ++i) CHECK(seen[static_cast<std::size_t>(i)] == 2 * i);
  }
}

TEST_CASE("a task's exception surfaces at its place in the order, after earlier results",
          "[parallel]") {
  for (std::size_t workers : {0, 2, 3}) {
    INFO("workers " << workers);
    bool failed = false;
    std::vector<int> seen = run_all(workers, 40, failed);
    CHECK(failed);
    REQUIRE(seen.size() == 13);  // tasks 0..12, none after the failing one
    CHECK(seen.back() == 24);
  }
}

TEST_CASE("the ordered pool bounds the tasks in flight", "[parallel]") {
  std::atomic<int> alive{0};
  int most = 0;
  struct Counted : Task {
    explicit Counted(std::atomic<int>& a) : alive(a) { ++alive; }
    ~Counted() override { --alive; }
    void run(std::size_t) override { std::this_thread::sleep_for(std::chrono::microseconds(50)); }
    std::atomic<int>& alive;
  };
  OrderedPool pool(2, 4, [&](Task&) {});
  for (int i = 0; i < 100; ++i) {
    pool.submit(std::make_unique<Counted>(alive));
    most = std::max(most, alive.load());
  }
  pool.finish();
  CHECK(most <= 5);  // 4 in flight, and the one made before submit() makes room for it
  CHECK(alive == 0);
}

TEST_CASE("default_jobs is at least one", "[parallel]") { CHECK(default_jobs() >= 1); }

}  // namespace
}  // namespace hantidy
