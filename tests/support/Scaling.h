#pragma once
// Checks that work grows no worse than about linearly with its input, for tests that guard
// readers against hostile files shaped to make a careless implementation quadratic. It compares
// the same work on an input four times larger, so it holds on a slow or busy machine and under
// the sanitizers alike; how fast a reader is, is the benchmarks' business (tests/bench).
#include <algorithm>
#include <ctime>
#include <functional>
#include <limits>
#include <QString>

namespace quire::test {

// `work(size)` does the work for an input of about `size` bytes (or items). Returns an empty
// string when four times the input takes less than `maxRatio` times as long (linear: 4,
// quadratic: 16), or when even the large input takes under `negligibleMs`; otherwise a message
// with the figures. The time is the CPU time of this thread, the best of three runs, so other
// programs on the machine do not count; a ratio over the line is measured again twice (a busy
// machine's caches can make one measurement look worse than linear, a quadratic reader is over
// the line every time).
inline QString checkGrowsLinearly(const std::function<void(qsizetype)> &work, qsizetype size,
                                  double maxRatio = 8.0, double negligibleMs = 25.0) {
    const auto cpuNow = [] {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
    };
    const auto best = [&](qsizetype n) {
        double fastest = std::numeric_limits<double>::max();
        for (int run = 0; run < 3; ++run) {
            const double start = cpuNow();
            work(n);
            fastest = std::min(fastest, cpuNow() - start);
        }
        return fastest;
    };
    QString message;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const double small = best(size);
        const double large = best(4 * size);
        if (large < negligibleMs) return {};
        const double ratio = large / std::max(small, 0.001);
        if (ratio < maxRatio) return {};
        message = QStringLiteral("4 times the input took %1 times as long (%2 ms against %3 ms of "
                                 "CPU time, three times over): worse than linear")
                      .arg(ratio, 0, 'f', 1)
                      .arg(large, 0, 'f', 1)
                      .arg(small, 0, 'f', 1);
    }
    return message;
}

} // namespace quire::test
