// SPDX-License-Identifier: MIT
// chat-store-bench: how the SQL store holds up on a database of realistic size.
//
//   chat-store-bench [--dir DIR] [--messages N] [--rooms R] [--private PERCENT]
//                    [--persons P] [--pages K] [--in-flight W] [--durability full|normal]
//
// 1. Fills DIR (a fresh temporary folder unless given) with N lines through SqlStore's
//    writer, W appends in flight at a time, as many clients would: committed lines/s with
//    group commit, lines per transaction, commit latency. Then 1000 lines one at a time, each
//    waiting for the last: what a commit costs without grouping. A DIR that already holds
//    lines is used as it is (nothing is added).
// 2. Closes and opens the store again: the time of open() (warm page cache).
// 3. K random pages of 1000 lines of a random room (Before a random anchor), and K private
//    pages of random persons: median, p99 and max, from read() to the callback.
// Not a test: it measures, and prints what it measured.
#include "store/SqlStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Settings
{
    QString dir;
    qint64 messages = 1000000;
    int rooms = 100;
    int privatePercent = 10;
    int persons = 1000;
    int pages = 100;
    int inFlight = 5000;
    StoreOptions::Durability durability = StoreOptions::Durability::Full;
};

StoreOptions storeOptions(const Settings &s)
{
    StoreOptions options;
    options.dataDirectory = s.dir;
    options.durability = s.durability;
    // Retention would only blur what is measured.
    options.historyDays = 0;
    options.maxLinesPerRoom = 0;
    return options;
}

StoredMessage randomLine(const Settings &s, QRandomGenerator &random, qint64 i)
{
    StoredMessage m;
    const quint64 from = random.bounded(s.persons) + 1;
    m.sender = u"user%1"_s.arg(from);
    m.senderPerson = from;
    // Spread over the last 20 days, in order.
    m.time = QDateTime::currentDateTimeUtc().addSecs(-20 * 86400 + i * 20 * 86400 / s.messages);
    m.text = u"line %1: the quick brown fox jumps over the lazy dog, %2 times"_s.arg(i).arg(
        random.bounded(1000));
    if (int(random.bounded(100)) < s.privatePercent) {
        const quint64 to = random.bounded(s.persons) + 1;
        m.kind = StoredMessage::Kind::Private;
        m.recipient = u"user%1"_s.arg(to);
        m.recipientPerson = to;
    } else {
        m.roomId = random.bounded(s.rooms) + 1;
    }
    return m;
}

// Appends count lines, keeping inFlight of them queued: returns the seconds it took.
double appendMany(Store &store, const Settings &s, qint64 count, int inFlight, qint64 firstIndex)
{
    QRandomGenerator random(7);
    QEventLoop loop;
    qint64 issued = 0;
    qint64 done = 0;
    qint64 failed = 0;
    std::function<void()> issue = [&] {
        const qint64 i = firstIndex + issued++;
        store.append(randomLine(s, random, i), [&](const StoredMessage &, const QString &error) {
            failed += error.isEmpty() ? 0 : 1;
            if (++done == count)
                loop.quit();
            else if (issued < count)
                issue();
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < inFlight && issued < count; ++i)
        issue();
    if (count > 0)
        loop.exec();
    if (failed)
        std::printf("  (%lld writes failed)\n", failed);
    return timer.nsecsElapsed() / 1e9;
}

void printWrites(const char *what, qint64 lines, double seconds, const StoreStats &before,
                 const StoreStats &after)
{
    const qint64 transactions = after.transactions - before.transactions;
    const qint64 committed = after.committedLines - before.committedLines;
    std::printf("%s: %lld lines in %.2f s = %.0f lines/s; %lld transactions, %.1f lines each; "
                "commit latency mean %.2f ms (max since open %.2f ms)\n",
                what, lines, seconds, lines / seconds, transactions,
                transactions ? double(committed) / transactions : 0.0,
                committed ? (after.commitLatencyTotalUs - before.commitLatencyTotalUs) / 1000.0 /
                                committed
                          : 0.0,
                after.commitLatencyMaxUs / 1000.0);
}

void printTimes(const char *what, QList<double> ms, double meanLines)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[std::min(ms.size() - 1, qsizetype(q * ms.size()))]; };
    std::printf("%s: %lld pages of %.0f lines on average: median %.2f ms, p99 %.2f ms, max %.2f "
                "ms\n",
                what, ms.size(), meanLines, at(0.5), at(0.99), ms.constLast());
}

HistoryPage readNow(Store &store, const HistoryRequest &request, double *ms)
{
    QEventLoop loop;
    HistoryPage result;
    QElapsedTimer timer;
    timer.start();
    store.read(request, [&](const HistoryPage &page) {
        *ms = timer.nsecsElapsed() / 1e6;
        result = page;
        loop.quit();
    });
    loop.exec();
    return result;
}

bool parse(const QStringList &arguments, Settings &s)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures SqlStore on a large database."_s);
    parser.addHelpOption();
    const QCommandLineOption dir(u"dir"_s, u"Data directory (default: a temporary one)."_s,
                                 u"path"_s);
    const QCommandLineOption messages(u"messages"_s, u"Lines to fill in."_s, u"n"_s,
                                      QString::number(s.messages));
    const QCommandLineOption rooms(u"rooms"_s, u"Rooms."_s, u"n"_s, QString::number(s.rooms));
    const QCommandLineOption privates(u"private"_s, u"Percent of private messages."_s, u"n"_s,
                                      QString::number(s.privatePercent));
    const QCommandLineOption persons(u"persons"_s, u"People."_s, u"n"_s,
                                     QString::number(s.persons));
    const QCommandLineOption pages(u"pages"_s, u"Pages to read."_s, u"n"_s,
                                   QString::number(s.pages));
    const QCommandLineOption inFlight(u"in-flight"_s, u"Appends queued at a time."_s, u"n"_s,
                                      QString::number(s.inFlight));
    const QCommandLineOption durability(u"durability"_s, u"full or normal."_s, u"mode"_s,
                                        u"full"_s);
    parser.addOptions({dir, messages, rooms, privates, persons, pages, inFlight, durability});
    parser.process(arguments);
    s.dir = parser.value(dir);
    s.messages = parser.value(messages).toLongLong();
    s.rooms = std::max(1, parser.value(rooms).toInt());
    s.privatePercent = std::clamp(parser.value(privates).toInt(), 0, 100);
    s.persons = std::max(2, parser.value(persons).toInt());
    s.pages = std::max(1, parser.value(pages).toInt());
    s.inFlight = std::max(1, parser.value(inFlight).toInt());
    s.durability = parser.value(durability) == u"normal"_s ? StoreOptions::Durability::Normal
                                                           : StoreOptions::Durability::Full;
    return s.messages >= 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"chat-store-bench"_s);
    Settings s;
    if (!parse(app.arguments(), s))
        return 2;
    QTemporaryDir temporary;
    if (s.dir.isEmpty())
        s.dir = temporary.filePath(u"data"_s);
    std::printf("data directory %s, durability %s\n", qPrintable(s.dir),
                s.durability == StoreOptions::Durability::Full ? "full" : "normal");

    auto store = std::make_unique<SqlStore>(storeOptions(s));
    if (!store->open()) {
        std::fprintf(stderr, "chat-store-bench: %s\n", qPrintable(store->errorString()));
        return 1;
    }
    if (store->rooms().isEmpty()) {
        for (int r = 1; r <= s.rooms; ++r) {
            StoredRoom room;
            room.id = r;
            room.name = u"room%1"_s.arg(r);
            room.created = QDateTime::currentDateTimeUtc();
            store->createRoom(room, [](const QString &) {});
        }
        StoreStats before = store->stats();
        double seconds = appendMany(*store, s, s.messages, s.inFlight, 0);
        printWrites("fill, group commit", s.messages, seconds, before, store->stats());
        before = store->stats();
        seconds = appendMany(*store, s, 1000, 1, s.messages);
        printWrites("one at a time", 1000, seconds, before, store->stats());
    } else {
        std::printf("using the lines already there\n");
    }
    store->close();
    store.reset();

    store = std::make_unique<SqlStore>(storeOptions(s));
    QElapsedTimer timer;
    timer.start();
    if (!store->open()) {
        std::fprintf(stderr, "chat-store-bench: %s\n", qPrintable(store->errorString()));
        return 1;
    }
    std::printf("open(): %.1f ms (%lld rooms, boot %u)\n", timer.nsecsElapsed() / 1e6,
                qsizetype(store->rooms().size()), store->bootNumber());

    QRandomGenerator random(11);
    const QList<StoredRoom> rooms = store->rooms();
    QList<double> roomMs;
    QList<double> privateMs;
    qint64 roomLines = 0;
    qint64 privateLines = 0;
    for (int i = 0; i < s.pages; ++i) {
        const StoredRoom &room = rooms[random.bounded(int(rooms.size()))];
        HistoryRequest request;
        request.roomId = room.id;
        request.direction = HistoryRequest::Direction::Before;
        // Full pages: an anchor with at least 1000 lines below it, when the room has them.
        request.anchor = 1001 + random.bounded(quint64(std::max<qint64>(1, room.lastSeq - 999)));
        request.limit = 1000;
        double ms = 0;
        roomLines += readNow(*store, request, &ms).messages.size();
        roomMs.append(ms);

        HistoryRequest mine;
        mine.person = random.bounded(s.persons) + 1;
        mine.limit = 1000;
        privateLines += readNow(*store, mine, &ms).messages.size();
        privateMs.append(ms);
    }
    printTimes("room pages", roomMs, double(roomLines) / s.pages);
    printTimes("private pages", privateMs, double(privateLines) / s.pages);
    store->close();
    return 0;
}
