#pragma once
// storage/base/: the vocabulary every layer shares, header-only and included bare: Result (one
// way to fail, below), Parallel.h (bulk work prepared on all cores, consumed in order) and
// OpenSslPtr.h (RAII owners of OpenSSL objects, for storage/ only). Nothing here includes
// another storage folder.

// Result<T>: the project-wide outcome of anything that can fail. It carries either a value or
// a message a person can act on ("the passphrase is wrong"), never an exception across layers.

#include <QString>

#include <optional>
#include <utility>

namespace quire {

struct Error {
    QString message;
};

inline Error fail(QString message) {
    return Error{std::move(message)};
}

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_value(std::move(value)) {}
    Result(Error error)
        : m_error(std::move(error.message)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    T &value() & { return *m_value; }
    const T &value() const & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    T &operator*() & { return *m_value; }
    const T &operator*() const & { return *m_value; }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }

    const QString &error() const { return m_error; }
    // Convenience for propagating: `if (!r) return r.failure();`
    Error failure() const { return Error{m_error}; }

private:
    std::optional<T> m_value;
    QString m_error;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_failed(true)
        , m_error(std::move(error.message)) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }
    Error failure() const { return Error{m_error}; }

private:
    bool m_failed = false;
    QString m_error;
};

using Status = Result<void>;

} // namespace quire
