// SPDX-License-Identifier: MIT
#include "RedisProcess.h"
#include "cluster/RedisConnection.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The replies of commands sent on one connection, as they arrive.
struct Replies
{
    QList<RespValue> values;
    RedisConnection::Reply collect()
    {
        return [this](const RespValue &reply) { values.append(reply); };
    }
};

} // namespace

class TestRedisConnection : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void repliesComeInTheOrderSent();
    void bytesGoAndComeBackAsTheyWere_data();
    void bytesGoAndComeBackAsTheyWere();
    void refusedCommandDoesNotEndTheConnection();
    void subscriberHearsWhatIsPublished();
    void refusedConnectionEndsOnce();
    void redisKilledFailsWhatWaits();
    void pausedRedisTimesOut();
    void killedSubscriptionIsNoticed();
    void sendAfterTheEndGetsAnError();

private:
    // A connection to this test's redis-server, connected.
    RedisConnection *connected();

    std::unique_ptr<RedisProcess> m_redis;
    QList<RedisConnection *> m_connections;
};

void TestRedisConnection::init()
{
    m_redis = std::make_unique<RedisProcess>();
    QVERIFY2(m_redis->start(), qPrintable(m_redis->errorString()));
}

void TestRedisConnection::cleanup()
{
    qDeleteAll(m_connections);
    m_connections.clear();
    m_redis.reset();
}

RedisConnection *TestRedisConnection::connected()
{
    auto *connection = m_connections.emplace_back(new RedisConnection);
    QSignalSpy up(connection, &RedisConnection::connected);
    connection->connectToServer(u"127.0.0.1"_s, m_redis->port());
    if (!up.wait(5000))
        qWarning("no connection to redis-server: %s", qPrintable(connection->errorString()));
    return connection;
}

void TestRedisConnection::repliesComeInTheOrderSent()
{
    RedisConnection *redis = connected();
    QVERIFY(redis->isConnected());
    Replies replies;
    redis->send({"SET", "counter", "10"}, replies.collect());
    for (int i = 0; i < 100; ++i)
        redis->send({"INCR", "counter"}, replies.collect());
    redis->send({"GET", "counter"}, replies.collect());
    redis->send({"GET", "nothing here"}, replies.collect());
    QTRY_COMPARE(replies.values.size(), 103);
    QCOMPARE(replies.values[0].bytes, "OK");
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(replies.values[1 + i].type, RespValue::Type::Integer);
        QCOMPARE(replies.values[1 + i].integer, 11 + i);
    }
    QCOMPARE(replies.values[101].bytes, "110");
    QVERIFY(replies.values[102].isNull());
}

void TestRedisConnection::bytesGoAndComeBackAsTheyWere_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("CRLF inside") << "line one\r\nline two"_ba;
    QTest::newRow("NUL inside") << "a\0b"_ba;
    QTest::newRow("RESP-looking") << "*1\r\n$3\r\nDEL\r\n"_ba;
    QTest::newRow("UTF-8") << "大家好"_ba;
    QTest::newRow("large") << QByteArray(300000, 'x');
}

void TestRedisConnection::bytesGoAndComeBackAsTheyWere()
{
    QFETCH(QByteArray, value);
    RedisConnection *redis = connected();
    Replies replies;
    redis->send({"SET", "key\r\nwith a line end", value}, replies.collect());
    redis->send({"GET", "key\r\nwith a line end"}, replies.collect());
    QTRY_COMPARE(replies.values.size(), 2);
    QCOMPARE(replies.values[1].type, RespValue::Type::BulkString);
    QCOMPARE(replies.values[1].bytes, value);
}

void TestRedisConnection::refusedCommandDoesNotEndTheConnection()
{
    RedisConnection *redis = connected();
    QSignalSpy ended(redis, &RedisConnection::disconnected);
    Replies replies;
    redis->send({"NO-SUCH-COMMAND"}, replies.collect());
    redis->send({"INCR", "not a number", "extra"}, replies.collect());
    redis->send({"PING"}, replies.collect());
    QTRY_COMPARE(replies.values.size(), 3);
    QVERIFY(replies.values[0].isError());
    QVERIFY(replies.values[1].isError());
    QCOMPARE(replies.values[2].bytes, "PONG");
    QVERIFY(redis->isConnected());
    QCOMPARE(ended.size(), 0);
}

void TestRedisConnection::subscriberHearsWhatIsPublished()
{
    RedisConnection *subscriber = connected();
    QSignalSpy subscribed(subscriber, &RedisConnection::subscribed);
    QSignalSpy heard(subscriber, &RedisConnection::message);
    subscriber->subscribe({"room:1", "room:2"});
    QTRY_COMPARE(subscribed.size(), 2);
    QCOMPARE(subscribed[0][0].toByteArray(), "room:1");

    RedisConnection *publisher = connected();
    Replies receivers;
    publisher->send({"PUBLISH", "room:1", "first"}, receivers.collect());
    publisher->send({"PUBLISH", "room:3", "nobody listens"}, receivers.collect());
    publisher->send({"PUBLISH", "room:2", "second\r\nline"}, receivers.collect());
    QTRY_COMPARE(heard.size(), 2);
    QCOMPARE(heard[0][0].toByteArray(), "room:1");
    QCOMPARE(heard[0][1].toByteArray(), "first");
    QCOMPARE(heard[1][1].toByteArray(), "second\r\nline");
    QTRY_COMPARE(receivers.values.size(), 3);
    QCOMPARE(receivers.values[0].integer, 1);
    QCOMPARE(receivers.values[1].integer, 0);
}

void TestRedisConnection::refusedConnectionEndsOnce()
{
    const quint16 port = m_redis->port();
    m_redis->stop();
    RedisConnection redis;
    QSignalSpy ended(&redis, &RedisConnection::disconnected);
    Replies replies;
    redis.connectToServer(u"127.0.0.1"_s, port);
    redis.send({"PING"}, replies.collect());
    QVERIFY(ended.wait(5000));
    QVERIFY(!ended[0][0].toString().isEmpty());
    QCOMPARE(replies.values.size(), 1);
    QVERIFY(replies.values[0].isError());
    QVERIFY(!redis.isConnected());
    QCoreApplication::processEvents(); // anything queued runs; nothing more may come
    QCOMPARE(ended.size(), 1);
}

void TestRedisConnection::redisKilledFailsWhatWaits()
{
    RedisConnection *redis = connected();
    QSignalSpy ended(redis, &RedisConnection::disconnected);
    Replies replies;
    m_redis->pause(); // so that the commands are surely on the way when it dies
    redis->send({"SET", "a", "1"}, replies.collect());
    redis->send({"GET", "a"}, replies.collect());
    m_redis->kill();
    QVERIFY(ended.wait(5000));
    QCOMPARE(replies.values.size(), 2);
    QVERIFY(replies.values[0].isError());
    QVERIFY(replies.values[1].isError());
    QCOMPARE(ended.size(), 1);
}

void TestRedisConnection::pausedRedisTimesOut()
{
    RedisConnection *redis = connected();
    redis->setReplyTimeout(300);
    QSignalSpy ended(redis, &RedisConnection::disconnected);
    Replies replies;
    redis->send({"PING"}, replies.collect());
    QTRY_COMPARE(replies.values.size(), 1); // answered in time: no timeout
    m_redis->pause();
    redis->send({"PING"}, replies.collect());
    QVERIFY(ended.wait(5000));
    QVERIFY2(ended[0][0].toString().contains(u"300 ms"_s), qPrintable(ended[0][0].toString()));
    QCOMPARE(replies.values.size(), 2);
    QVERIFY(replies.values[1].isError());
    m_redis->resume();
}

// A node's subscription can be dropped by Redis alone (CLIENT KILL TYPE pubsub, an output
// buffer limit): the node must hear of it to fill the gap.
void TestRedisConnection::killedSubscriptionIsNoticed()
{
    RedisConnection *subscriber = connected();
    QSignalSpy subscribed(subscriber, &RedisConnection::subscribed);
    QSignalSpy ended(subscriber, &RedisConnection::disconnected);
    subscriber->subscribe({"room:1"});
    QVERIFY(subscribed.wait(5000));
    RedisConnection *admin = connected();
    Replies killed;
    admin->send({"CLIENT", "KILL", "TYPE", "pubsub"}, killed.collect());
    QVERIFY(ended.wait(5000));
    QTRY_COMPARE(killed.values.size(), 1);
    QCOMPARE(killed.values[0].integer, 1);
    QVERIFY(admin->isConnected());
}

void TestRedisConnection::sendAfterTheEndGetsAnError()
{
    RedisConnection *redis = connected();
    QSignalSpy ended(redis, &RedisConnection::disconnected);
    redis->close(u"closed by the test"_s);
    QVERIFY(ended.wait(5000));
    QCOMPARE(ended[0][0].toString(), u"closed by the test"_s);
    Replies replies;
    redis->send({"PING"}, replies.collect());
    QCOMPARE(replies.values.size(), 0); // never inside the call
    QTRY_COMPARE(replies.values.size(), 1);
    QVERIFY(replies.values[0].isError());
    QCOMPARE(redis->errorString(), u"closed by the test"_s);
}

QTEST_GUILESS_MAIN(TestRedisConnection)
#include "tst_redisconnection.moc"
