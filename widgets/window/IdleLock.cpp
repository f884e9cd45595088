#include "window/IdleLock.h"

#include <QCoreApplication>
#include <QEvent>
#include <QSettings>

namespace quire::widgets {

namespace {
constexpr auto kKey = "idleLockMinutes";

bool isInput(QEvent::Type type) {
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
        return true;
    default:
        return false;
    }
}
} // namespace

IdleLock::IdleLock(QObject *parent)
    : QObject(parent) {
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::check);
    m_intervalMs = storedMinutes() * 60 * 1000;
}

IdleLock::~IdleLock() {
    stop();
}

int IdleLock::storedMinutes() {
    bool ok = false;
    const int minutes = QSettings().value(QLatin1String(kKey), kDefaultMinutes).toInt(&ok);
    return ok ? qBound(kMinMinutes, minutes, kMaxMinutes) : kDefaultMinutes;
}

void IdleLock::storeMinutes(int minutes) {
    QSettings().setValue(QLatin1String(kKey), qBound(kMinMinutes, minutes, kMaxMinutes));
}

void IdleLock::start() {
    if (!m_active && QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
    m_active = true;
    m_sinceInput.start();
    m_timer.start(m_intervalMs);
}

void IdleLock::stop() {
    if (m_active && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    m_active = false;
    m_timer.stop();
}

void IdleLock::setMinutes(int minutes) {
    setIntervalMs(qBound(kMinMinutes, minutes, kMaxMinutes) * 60 * 1000);
}

void IdleLock::setIntervalMs(int ms) {
    m_intervalMs = qMax(1, ms);
    if (m_active) {
        // A shorter time counts from now, not from the last input an hour ago.
        m_sinceInput.start();
        m_timer.start(m_intervalMs);
    }
}

bool IdleLock::eventFilter(QObject *watched, QEvent *event) {
    if (isInput(event->type())) m_sinceInput.start();
    return QObject::eventFilter(watched, event);
}

void IdleLock::check() {
    if (!m_active) return;
    const qint64 quiet = m_sinceInput.elapsed();
    if (quiet < m_intervalMs) {
        m_timer.start(int(m_intervalMs - quiet));
        return;
    }
    emit idle();
}

} // namespace quire::widgets
