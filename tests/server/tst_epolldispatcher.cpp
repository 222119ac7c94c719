// SPDX-License-Identifier: MIT
// EpollEventDispatcher as the main thread's dispatcher: timers, posted events, wake-ups from
// other threads, socket notifiers over real loopback sockets, nested event loops.
#include "net/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// Counts the timer events it receives, per timer id.
class TimerCounter : public QObject
{
public:
    QHash<int, int> fired;

protected:
    void timerEvent(QTimerEvent *event) override { ++fired[event->timerId()]; }
};

// A connected AF_UNIX pair: the test writes to one end, a notifier watches the other.
struct SocketPair
{
    int fds[2] = {-1, -1};

    SocketPair() { socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds); }
    ~SocketPair() { closeAll(); }
    void closeAll()
    {
        for (int &fd : fds) {
            if (fd >= 0)
                close(fd);
            fd = -1;
        }
    }
    void poke() const { QCOMPARE(write(fds[1], "x", 1), 1); }
};

EpollEventDispatcher *dispatcher()
{
    return qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance());
}

} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void installed();
    void timersFireInOrder();
    void stopOwnTimerInHandler();
    void stopOtherTimerInSamePass();
    void manyTimers();
    void remainingTime();
    void zeroTimerDoesNotBlock();
    void postedEventsAndDeleteLater();
    void queuedInvoke();
    void wakeUpFromAnotherThread();
    void loopbackReadWriteClose();
    void notifierDeletedBySibling();
    void excludeSocketNotifiers();
    void readySocketsBeforePostedEvents();
    void writeNotifierOffAndOn();
    void nestedEventLoop();
};

void TestEpollDispatcher::installed()
{
    QVERIFY(dispatcher());
}

void TestEpollDispatcher::timersFireInOrder()
{
    QStringList order;
    QTimer::singleShot(30, this, [&] { order << u"30"_s; });
    QTimer::singleShot(10, this, [&] { order << u"10"_s; });
    QTimer::singleShot(20, this, [&] { order << u"20"_s; });
    QTimer repeating;
    repeating.setInterval(5);
    int ticks = 0;
    connect(&repeating, &QTimer::timeout, this, [&] {
        if (++ticks == 3)
            repeating.stop();
    });
    repeating.start();
    QTRY_COMPARE(order.size(), 3);
    QCOMPARE(order, (QStringList{u"10"_s, u"20"_s, u"30"_s}));
    QCOMPARE(ticks, 3);
    QVERIFY(!repeating.isActive());
}

void TestEpollDispatcher::stopOwnTimerInHandler()
{
    QTimer timer;
    timer.setInterval(0);
    int fired = 0;
    connect(&timer, &QTimer::timeout, this, [&] {
        ++fired;
        timer.stop();
    });
    timer.start();
    QTimer later;
    later.setSingleShot(true);
    QSignalSpy done(&later, &QTimer::timeout);
    later.start(30);
    QVERIFY(done.wait());
    QCOMPARE(fired, 1);

    // Restarting it from its own handler keeps it going.
    int restarts = 0;
    timer.disconnect();
    connect(&timer, &QTimer::timeout, this, [&] {
        if (++restarts < 3)
            timer.start(1);
        else
            timer.stop();
    });
    timer.start(1);
    QTRY_COMPARE(restarts, 3);
    QVERIFY(!timer.isActive());
}

void TestEpollDispatcher::stopOtherTimerInSamePass()
{
    QTimer first;
    QTimer second;
    first.setSingleShot(true);
    second.setSingleShot(true);
    // Both due in the same pass; the first to be registered is the first delivered.
    int secondFired = 0;
    connect(&first, &QTimer::timeout, &second, &QTimer::stop);
    connect(&second, &QTimer::timeout, this, [&] { ++secondFired; });
    QSignalSpy firstFired(&first, &QTimer::timeout);
    first.start(0);
    second.start(0);
    QVERIFY(firstFired.wait());
    QTimer later;
    QSignalSpy laterFired(&later, &QTimer::timeout);
    later.start(20);
    QVERIFY(laterFired.wait());
    QCOMPARE(secondFired, 0);
}

void TestEpollDispatcher::manyTimers()
{
    constexpr int Count = 10000;
    TimerCounter idle;
    QList<int> ids;
    for (int i = 0; i < Count; ++i)
        ids << idle.startTimer(60000 + i);
    QCOMPARE(dispatcher()->registeredTimers(&idle).size(), Count);
    for (int i = 0; i < Count; i += 2)
        idle.killTimer(ids[i]);
    const QList<QAbstractEventDispatcher::TimerInfo> left = dispatcher()->registeredTimers(&idle);
    QCOMPARE(left.size(), Count / 2);
    for (const QAbstractEventDispatcher::TimerInfo &info : left)
        QCOMPARE(info.interval, 60000 + ids.indexOf(info.timerId));
    QVERIFY(dispatcher()->unregisterTimers(&idle));
    QVERIFY(dispatcher()->registeredTimers(&idle).isEmpty());
    QVERIFY(!dispatcher()->unregisterTimers(&idle));

    // Many due at once: each fires, once per pass at most.
    TimerCounter busy;
    for (int i = 0; i < Count; ++i)
        busy.startTimer(i % 50);
    QTRY_COMPARE(busy.fired.size(), Count);
    busy.killTimer(busy.fired.keys().first());
    QCOMPARE(dispatcher()->registeredTimers(&busy).size(), Count - 1);
}

void TestEpollDispatcher::remainingTime()
{
    QTimer timer;
    timer.start(1000);
    const int left = timer.remainingTime();
    QVERIFY2(left > 900 && left <= 1000, QByteArray::number(left));
    timer.stop();
    QCOMPARE(timer.remainingTime(), -1);
    QCOMPARE(dispatcher()->remainingTime(123456), -1);
}

void TestEpollDispatcher::zeroTimerDoesNotBlock()
{
    QTimer zero;
    int fired = 0;
    connect(&zero, &QTimer::timeout, this, [&] { ++fired; });
    zero.start(0);
    for (int pass = 1; pass <= 3; ++pass) {
        QVERIFY(dispatcher()->processEvents(QEventLoop::WaitForMoreEvents));
        QCOMPARE(fired, pass);
    }
}

void TestEpollDispatcher::postedEventsAndDeleteLater()
{
    class Receiver : public QObject
    {
    public:
        int received = 0;
        bool event(QEvent *event) override
        {
            if (event->type() == QEvent::User)
                ++received;
            return QObject::event(event);
        }
    };
    auto *receiver = new Receiver;
    QPointer<Receiver> alive(receiver);
    QCoreApplication::postEvent(receiver, new QEvent(QEvent::User));
    QCoreApplication::postEvent(receiver, new QEvent(QEvent::User));
    QCOMPARE(receiver->received, 0);
    QTRY_COMPARE(receiver->received, 2);
    QSignalSpy destroyed(receiver, &QObject::destroyed);
    receiver->deleteLater();
    QVERIFY(destroyed.wait());
    QVERIFY(alive.isNull());
}

void TestEpollDispatcher::queuedInvoke()
{
    bool called = false;
    QMetaObject::invokeMethod(
        this, [&] { called = true; }, Qt::QueuedConnection);
    QVERIFY(!called);
    QTRY_VERIFY(called);
}

// The main thread blocks in epoll_wait with nothing due; only the wake-up descriptor can end
// the wait.
void TestEpollDispatcher::wakeUpFromAnotherThread()
{
    QSemaphore blocking;
    const auto connection = connect(dispatcher(), &QAbstractEventDispatcher::aboutToBlock, this,
                                    [&] { blocking.release(); });
    QEventLoop loop;
    std::unique_ptr<QThread> poster(QThread::create([&] {
        blocking.acquire();
        QMetaObject::invokeMethod(
            &loop, [&] { loop.exit(7); }, Qt::QueuedConnection);
    }));
    poster->start();
    QCOMPARE(loop.exec(), 7);
    disconnect(connection);
    QVERIFY(poster->wait());
}

void TestEpollDispatcher::loopbackReadWriteClose()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QSignalSpy accepted(&server, &QTcpServer::newConnection);
    QTcpSocket client;
    QSignalSpy connected(&client, &QTcpSocket::connected);
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(connected.wait());
    if (accepted.isEmpty())
        QVERIFY(accepted.wait());
    std::unique_ptr<QTcpSocket> peer(server.nextPendingConnection());
    QVERIFY(peer);

    QSignalSpy peerRead(peer.get(), &QTcpSocket::readyRead);
    client.write("hello\n");
    QVERIFY(peerRead.wait());
    QTRY_COMPARE(peer->bytesAvailable(), qint64(6));
    QCOMPARE(peer->readAll(), "hello\n");

    // Far more than the socket buffers hold: the write notifier has to fire many times.
    const QByteArray big(8 * 1024 * 1024, 'z');
    peer->write(big);
    QByteArray received;
    connect(&client, &QTcpSocket::readyRead, this, [&] { received += client.readAll(); });
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), big.size(), 20000);
    QCOMPARE(received, big);
    QCOMPARE(peer->bytesToWrite(), qint64(0));

    QSignalSpy peerGone(peer.get(), &QTcpSocket::disconnected);
    client.disconnectFromHost();
    QVERIFY(peerGone.wait());
    QCOMPARE(peer->state(), QAbstractSocket::UnconnectedState);
}

// Two sockets ready in the same wake-up; whichever is activated first deletes the other's
// notifier, closes its descriptor and watches a fresh, silent socket that most likely gets the
// same number. Neither the deleted notifier nor the new one may be activated by that wake-up.
void TestEpollDispatcher::notifierDeletedBySibling()
{
    SocketPair pairs[2];
    std::unique_ptr<QSocketNotifier> notifiers[2];
    std::unique_ptr<SocketPair> fresh;
    std::unique_ptr<QSocketNotifier> freshNotifier;
    int activations = 0;
    int freshActivations = 0;
    for (int i = 0; i < 2; ++i) {
        notifiers[i] = std::make_unique<QSocketNotifier>(pairs[i].fds[0], QSocketNotifier::Read);
        connect(notifiers[i].get(), &QSocketNotifier::activated, this, [&, i] {
            ++activations;
            const int other = 1 - i;
            notifiers[other].reset();
            pairs[other].closeAll();
            fresh = std::make_unique<SocketPair>();
            freshNotifier = std::make_unique<QSocketNotifier>(fresh->fds[0], QSocketNotifier::Read);
            connect(freshNotifier.get(), &QSocketNotifier::activated, this, [&] {
                ++freshActivations;
                freshNotifier->setEnabled(false);
            });
            notifiers[i]->setEnabled(false);
        });
        pairs[i].poke();
    }
    QTRY_COMPARE(activations, 1);
    QCoreApplication::processEvents();
    QCOMPARE(activations, 1);
    QCOMPARE(freshActivations, 0);
    fresh->poke();
    QTRY_COMPARE(freshActivations, 1);
}

void TestEpollDispatcher::excludeSocketNotifiers()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
    int activations = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        ++activations;
        notifier.setEnabled(false);
    });
    pair.poke();
    bool posted = false;
    QMetaObject::invokeMethod(
        this, [&] { posted = true; }, Qt::QueuedConnection);
    dispatcher()->processEvents(QEventLoop::ExcludeSocketNotifiers | QEventLoop::WaitForMoreEvents);
    QVERIFY(posted);
    QCOMPARE(activations, 0);
    QTRY_COMPARE(activations, 1);
}

// The server's output flush is a posted event: input that is already there is handled first,
// so that what several senders said leaves in one send per member.
void TestEpollDispatcher::readySocketsBeforePostedEvents()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
    QStringList order;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        order << u"socket"_s;
        notifier.setEnabled(false);
    });
    QCoreApplication::processEvents(); // the notifier's registration reaches the kernel
    pair.poke();
    QMetaObject::invokeMethod(
        this, [&] { order << u"posted"_s; }, Qt::QueuedConnection);
    dispatcher()->processEvents(QEventLoop::WaitForMoreEvents);
    QCOMPARE(order, (QStringList{u"socket"_s, u"posted"_s}));
}

// A socket stays writable: once its notifier is off, no pass may activate it, however often
// it is switched on and off.
void TestEpollDispatcher::writeNotifierOffAndOn()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Write);
    int activations = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        ++activations;
        notifier.setEnabled(false);
    });
    for (int round = 1; round <= 3; ++round) {
        QTRY_COMPARE(activations, round);
        for (int pass = 0; pass < 3; ++pass)
            dispatcher()->processEvents(QEventLoop::AllEvents);
        QCOMPARE(activations, round);
        notifier.setEnabled(true);
        notifier.setEnabled(false);
        dispatcher()->processEvents(QEventLoop::AllEvents);
        QCOMPARE(activations, round);
        notifier.setEnabled(true);
    }
}

// A timer's handler runs a nested loop that serves sockets, posted events and other timers,
// but not that same timer again.
void TestEpollDispatcher::nestedEventLoop()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
    QSignalSpy readable(&notifier, &QSocketNotifier::activated);
    QTimer outer;
    outer.setInterval(0);
    int outerFired = 0;
    int outerFiredInside = -1;
    bool queuedRan = false;
    connect(&outer, &QTimer::timeout, this, [&] {
        if (++outerFired > 1)
            return;
        QEventLoop nested;
        QMetaObject::invokeMethod(
            this, [&] { queuedRan = true; }, Qt::QueuedConnection);
        connect(&notifier, &QSocketNotifier::activated, &nested, [&] {
            notifier.setEnabled(false);
            QTimer::singleShot(20, &nested, [&] {
                outerFiredInside = outerFired;
                nested.quit();
            });
        });
        pair.poke();
        nested.exec();
    });
    outer.start();
    QTRY_VERIFY(outerFired > 1);
    outer.stop();
    QVERIFY(queuedRan);
    QCOMPARE(readable.size(), 1);
    QCOMPARE(outerFiredInside, 1);
}

int main(int argc, char *argv[])
{
    // Before the application exists, so that Qt creates no dispatcher of its own.
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolldispatcher.moc"
