#include "cli/parallel.h"

namespace hantidy {

OrderedPool::OrderedPool(std::size_t workers, std::size_t max_in_flight, Done done)
    : max_in_flight_(max_in_flight < 1 ? 1 : max_in_flight), done_(std::move(done)) {
  threads_.reserve(workers);
  for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this, i] { work(i); });
}

OrderedPool::~OrderedPool() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    pending_.clear();
  }
  work_ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void OrderedPool::work(std::size_t worker) {
  while (true) {
    std::shared_ptr<Slot> slot;
    {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [this] { return stop_ || !pending_.empty(); });
      if (stop_) return;
      slot = std::move(pending_.front());
      pending_.pop_front();
    }
    std::exception_ptr error;
    try {
      slot->task->run(worker);
    } catch (...) {
      error = std::current_exception();
    }
    {
      std::lock_guard lock(mutex_);
      slot->error = error;
      slot->finished = true;
    }
    slot.reset();  // the submitting thread owns it now: no task outlives its delivery
    slot_done_.notify_all();
  }
}

void OrderedPool::submit(std::unique_ptr<Task> task) {
  if (threads_.empty()) {
    task->run(0);
    done_(*task);
    return;
  }
  // Make room first, so that at most max_in_flight_ tasks are alive at any time.
  while (true) {
    {
      std::lock_guard lock(mutex_);
      if (order_.size() < max_in_flight_) break;
    }
    deliver(true);
  }
  auto slot = std::make_shared<Slot>();
  slot->task = std::move(task);
  {
    std::lock_guard lock(mutex_);
    order_.push_back(slot);
    pending_.push_back(std::move(slot));
  }
  work_ready_.notify_one();
  deliver(false);
}

void OrderedPool::deliver(bool wait) {
  while (true) {
    std::shared_ptr<Slot> front;
    {
      std::unique_lock lock(mutex_);
      if (order_.empty()) return;
      if (wait) slot_done_.wait(lock, [this] { return order_.front()->finished; });
      if (!order_.front()->finished) return;
      front = std::move(order_.front());
      order_.pop_front();
    }
    wait = false;
    if (front->error) std::rethrow_exception(front->error);
    done_(*front->task);
  }
}

void OrderedPool::finish() {
  while (true) {
    {
      std::lock_guard lock(mutex_);
      if (order_.empty()) return;
    }
    deliver(true);
  }
}

std::size_t default_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

}  // namespace hantidy
