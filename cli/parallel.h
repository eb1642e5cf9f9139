// Ordered parallel processing: tasks run on worker threads, results come back in the order the
// tasks were submitted. Used by corpus mode (-j) so that output order never depends on timing.
#ifndef HANTIDY_CLI_PARALLEL_H_
#define HANTIDY_CLI_PARALLEL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace hantidy {

/// A unit of work. run() is called on one worker thread with that worker's index (0-based), so
/// tasks can use per-worker state (a Pipeline per thread) without locks.
class Task {
 public:
  virtual ~Task() = default;
  virtual void run(std::size_t worker) = 0;
};

/// A bounded, order-preserving thread pool (the shape of GNU parallel -k, in one process).
///
/// submit() hands a task to the workers and, on the calling thread, passes every task that is
/// finished *and* next in submission order to `done`. At most `max_in_flight` tasks exist at
/// once: submit() blocks on the oldest one when the limit is reached, which bounds memory by
/// max_in_flight tasks whatever the input size. An exception thrown by Task::run is rethrown by
/// submit()/finish() at that task's place in the order, so earlier results are delivered first.
///
/// With `workers` == 0 there are no threads: submit() runs the task at once on the calling
/// thread (the -j1 path pays nothing for the machinery).
class OrderedPool {
 public:
  using Done = std::function<void(Task& task)>;

  OrderedPool(std::size_t workers, std::size_t max_in_flight, Done done);
  /// Stops the workers; tasks not yet delivered are dropped (use finish() to deliver them).
  ~OrderedPool();
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  void submit(std::unique_ptr<Task> task);
  /// Waits for every submitted task and delivers them in order.
  void finish();

 private:
  struct Slot {
    std::unique_ptr<Task> task;
    bool finished = false;
    std::exception_ptr error;
  };

  void work(std::size_t worker);
  /// Delivers finished slots at the front; when `wait`, first waits for the front one.
  void deliver(bool wait);

  std::size_t max_in_flight_;
  Done done_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable work_ready_;         ///< workers wait for a queued slot or stop
  std::condition_variable slot_done_;          ///< the submitting thread waits for a finished slot
  std::deque<std::shared_ptr<Slot>> order_;    ///< every slot not yet delivered, in order
  std::deque<std::shared_ptr<Slot>> pending_;  ///< slots no worker has taken yet
  bool stop_ = false;
};

/// The -j default: the number of cores (at least 1).
std::size_t default_jobs();

}  // namespace hantidy

#endif  // HANTIDY_CLI_PARALLEL_H_
