#pragma once
// Bulk steps (an import of thousands of entries) spread over the machine's cores: each item is
// prepared on whichever thread is free — sanitising, sealing, encrypting need nothing but the
// item — and then consumed strictly in order on the calling thread, which owns the database.
// The calling thread prepares items too while it would otherwise wait, so with N cores the
// whole job takes about max(all work / N, the in-order part) instead of their sum.

#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace quire {

// Calls prepare(i) for every i in [0, count) on up to the number of cores threads, in chunks
// of `chunk` items, and consume(i) on the calling thread for i = 0, 1, 2, … once item i is
// prepared. prepare must touch nothing but item i. consume returns false to stop: the items
// not yet consumed are dropped and the function returns false once the workers have ended.
template <typename Prepare, typename Consume>
bool prepareInParallelConsumeInOrder(qsizetype count, qsizetype chunk, Prepare &&prepare,
                                     Consume &&consume) {
    chunk = std::max<qsizetype>(chunk, 1);
    const qsizetype chunks = (count + chunk - 1) / chunk;
    const qsizetype cores = std::max<qsizetype>(1, qsizetype(std::thread::hardware_concurrency()));
    const qsizetype workers = std::min(cores - 1, std::max<qsizetype>(chunks - 1, 0));

    std::atomic<qsizetype> nextChunk{0};
    std::atomic<bool> stop{false};
    std::vector<unsigned char> ready(size_t(std::max<qsizetype>(chunks, 0))); // under `lock`
    std::mutex lock;
    std::condition_variable readied;

    auto runChunk = [&](qsizetype c) {
        for (qsizetype i = c * chunk; i < std::min(count, (c + 1) * chunk); ++i)
            prepare(i);
        {
            std::lock_guard guard(lock);
            ready[size_t(c)] = true;
        }
        readied.notify_all();
    };
    auto claimAndRun = [&]() -> bool {
        const qsizetype c = nextChunk.fetch_add(1);
        if (c >= chunks) return false;
        runChunk(c);
        return true;
    };

    std::vector<std::thread> threads;
    threads.reserve(size_t(workers));
    for (qsizetype w = 0; w < workers; ++w)
        threads.emplace_back([&] {
            while (!stop.load() && claimAndRun()) {
            }
        });

    bool ok = true;
    for (qsizetype c = 0; c < chunks && ok; ++c) {
        while (true) {
            {
                std::lock_guard guard(lock);
                if (ready[size_t(c)]) break;
            }
            // Not ready: prepare a chunk no one has claimed yet instead of waiting idle.
            if (claimAndRun()) continue;
            std::unique_lock wait(lock);
            readied.wait(wait, [&] { return ready[size_t(c)]; });
            break;
        }
        for (qsizetype i = c * chunk; i < std::min(count, (c + 1) * chunk) && ok; ++i)
            ok = consume(i);
    }
    stop.store(true);
    for (auto &t : threads)
        t.join();
    return ok;
}

} // namespace quire
