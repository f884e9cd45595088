#pragma once
// IdleLock: notices when nobody has touched the program for a while. It watches every key,
// mouse, wheel and touch event the application receives and says idle() once the set time
// has passed without one. What to do then (lock the notebook, or wait for a worker first) is
// the owner's decision. The time is a user setting (QSettings key "idleLockMinutes").

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace quire::widgets {

class IdleLock : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultMinutes = 10;
    static constexpr int kMinMinutes = 1;
    static constexpr int kMaxMinutes = 240;

    explicit IdleLock(QObject *parent = nullptr);
    ~IdleLock() override;

    // The stored setting, within the allowed range.
    static int storedMinutes();
    static void storeMinutes(int minutes);

    // Watching starts and stops with the unlocked notebook.
    void start();
    void stop();
    bool isActive() const { return m_active; }

    void setMinutes(int minutes);
    // For tests, which cannot wait minutes.
    void setIntervalMs(int ms);
    int intervalMs() const { return m_intervalMs; }

signals:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void check();

    bool m_active = false;
    int m_intervalMs = kDefaultMinutes * 60 * 1000;
    // Input only stamps the time; the timer looks at it when it fires. Restarting a timer on
    // every mouse move would cost more than the events themselves.
    QElapsedTimer m_sinceInput;
    QTimer m_timer;
};

} // namespace quire::widgets
