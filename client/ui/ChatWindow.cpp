// SPDX-License-Identifier: MIT
#include "ChatWindow.h"

#include "HistoryLineEdit.h"
#include "MessageFormatter.h"
#include "MessageView.h"
#include "RoomsDialog.h"
#include "StatusText.h"
#include "UserListModel.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ChatWindow::ChatWindow(ChatConnection *connection, QWidget *parent)
    : QMainWindow(parent)
    , m_connection(connection)
    , m_users(new UserListModel(this))
    , m_roomsDialog(new RoomsDialog(connection, this))
    , m_banner(new QLabel)
    , m_room(new QLabel)
    , m_topic(new QLabel)
    , m_messages(new MessageView)
    , m_usersTitle(new QLabel)
    , m_userList(new QListView)
    , m_input(new HistoryLineEdit)
    , m_send(new QPushButton(tr("&Send")))
    , m_usersButton(new QPushButton(tr("&Users")))
    , m_state(new QLabel)
{
    m_banner->setObjectName(u"banner"_s);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(u"QLabel { background: #fff4ce; color: #5c4400; border: 1px solid "
                            "#e8c95a; border-radius: 4px; padding: 6px; font-weight: 600; }"_s);
    m_banner->hide();
    m_messages->setObjectName(u"messages"_s);

    auto *splitter = new QSplitter;
    splitter->addWidget(m_messages);
    splitter->addWidget(createUserPanel());
    splitter->setStretchFactor(0, 1);
    splitter->setSizes({560, 160});

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addWidget(createHeader());
    layout->addWidget(splitter, 1);
    layout->addWidget(createInputRow());
    setCentralWidget(central);
    // Fusion draws no focus on scroll areas and lists: without this, a person moving with Tab
    // cannot tell when the pane or the people list has the focus.
    setStyleSheet(u"QAbstractScrollArea { border: 1px solid palette(mid); }"
                  "QAbstractScrollArea:focus { border: 2px solid palette(highlight); }"_s);
    m_state->setObjectName(u"state"_s);
    statusBar()->addWidget(m_state, 1);
    resize(760, 520);

    connectConnection();
    connectListings();
    updateState();
    updateUsersTitle();
    m_input->setFocus();
}

QWidget *ChatWindow::createHeader()
{
    m_room->setObjectName(u"room"_s);
    m_topic->setObjectName(u"topic"_s);
    m_topic->setTextFormat(Qt::PlainText);
    m_topic->setStyleSheet(u"color: #4b5563;"_s);
    m_topic->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont roomFont = m_room->font();
    roomFont.setBold(true);
    roomFont.setPointSizeF(roomFont.pointSizeF() * 1.15);
    m_room->setFont(roomFont);
    auto *rooms = new QPushButton(tr("&Rooms…"));
    rooms->setObjectName(u"roomsButton"_s);
    connect(rooms, &QPushButton::clicked, m_roomsDialog, &QDialog::show);
    m_usersButton->setObjectName(u"users"_s);
    m_usersButton->setCheckable(true);
    m_usersButton->setChecked(true);
    connect(m_usersButton, &QPushButton::toggled, this, [this](bool shown) {
        m_userPanel->setVisible(shown);
        // Showing or hiding it by hand is a choice the window no longer overrides.
        if (!m_adjustingUsers)
            m_usersHiddenForWidth = false;
    });
    auto *close = new QPushButton(tr("&Close"));
    close->setObjectName(u"close"_s);
    connect(close, &QPushButton::clicked, this, &QWidget::close);

    // The buttons sit up here, not beside the input, so that a narrow window still gives the
    // input most of its width.
    auto *header = new QWidget;
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_room);
    layout->addWidget(m_topic, 1);
    layout->addWidget(m_usersButton);
    layout->addWidget(rooms);
    layout->addWidget(close);
    return header;
}

QWidget *ChatWindow::createUserPanel()
{
    m_userPanel = new QWidget;
    m_userPanel->setObjectName(u"userPanel"_s);
    m_userList->setObjectName(u"userList"_s);
    m_usersTitle->setObjectName(u"usersTitle"_s);
    m_userList->setModel(m_users);
    m_userList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *layout = new QVBoxLayout(m_userPanel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_usersTitle);
    layout->addWidget(m_userList);
    connect(m_users, &UserListModel::countChanged, this, &ChatWindow::updateUsersTitle);
    // A double click starts a private message, the way people expect from chat programs.
    connect(m_userList, &QListView::activated, this, [this](const QModelIndex &index) {
        m_input->setText(u"/msg %1 "_s.arg(index.data().toString()));
        m_input->setFocus();
    });
    return m_userPanel;
}

QWidget *ChatWindow::createInputRow()
{
    m_input->setObjectName(u"input"_s);
    m_input->setPlaceholderText(tr("Type a message, or /help for commands"));
    m_send->setObjectName(u"send"_s);
    connect(m_input, &QLineEdit::returnPressed, this, &ChatWindow::send);
    connect(m_send, &QPushButton::clicked, this, &ChatWindow::send);

    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_input, 1);
    layout->addWidget(m_send);
    return row;
}

void ChatWindow::connectConnection()
{
    ChatConnection *c = m_connection;
    connect(c, &ChatConnection::stateChanged, this, &ChatWindow::updateState);
    connect(c, &ChatConnection::nickChanged, this, &ChatWindow::updateTitle);
    connect(c, &ChatConnection::usersChanged, m_users, &UserListModel::setUsers);
    connect(c, &ChatConnection::userCountChanged, this, &ChatWindow::updateUsersTitle);
    connect(c, &ChatConnection::topicChanged, this, [this](const QString &topic) {
        m_topic->setText(topic.isEmpty() ? tr("(no topic)") : topic);
        m_topic->setToolTip(topic);
    });
    connect(c, &ChatConnection::roomChanged, this, [this](const QString &room) {
        m_room->setText(u"# "_s + room);
        updateTitle();
        updateUsersTitle();
    });
    connect(c, &ChatConnection::connectionLost, this, &ChatWindow::showLost);
    connect(c, &ChatConnection::loggedIn, this, [this] {
        if (m_lost)
            addSystem(tr("Reconnected."));
        m_lost = false;
        m_banner->hide();
    });
    connect(c, &ChatConnection::message, this,
            [this](const QDateTime &time, const QString &nick, const QString &text, bool own) {
                m_messages->addLine(MessageFormatter::message(time, nick, text, own),
                                    own ? MessageView::Tint::Own : MessageView::Tint::None);
                countUnread(own);
            });
    connect(c, &ChatConnection::action, this,
            [this](const QDateTime &time, const QString &nick, const QString &text, bool own) {
                m_messages->addLine(MessageFormatter::action(time, nick, text),
                                    own ? MessageView::Tint::Own : MessageView::Tint::None);
                countUnread(own);
            });
    connect(c, &ChatConnection::privateMessage, this,
            [this](const QDateTime &time, const QString &from, const QString &to,
                   const QString &text, bool own) {
                m_messages->addLine(MessageFormatter::privateMessage(time, from, to, text, own),
                                    MessageView::Tint::Private);
                countUnread(own);
            });
    connect(c, &ChatConnection::joined, this, [this](const QString &room, const QString &nick) {
        if (!m_connection->isSelf(nick)) {
            addSystem(tr("%1 joined.").arg(nick));
        } else if (room != std::exchange(m_shownRoom, room)) {
            // A resume brings us back into the room we were in: nothing to say.
            addSystem(tr("You are now in %1.").arg(room));
        }
    });
    connect(c, &ChatConnection::moved, this, [this](const QString &from, const QString &to) {
        m_shownRoom = to; // the join that follows needs no line of its own
        m_moving = true;
        addSystem(tr("You left %1 and are now in %2.").arg(from, to));
    });
    connect(c, &ChatConnection::left, this,
            [this](const QString &room, const QString &nick, const QString &reason) {
                if (m_connection->isSelf(nick)) {
                    if (!std::exchange(m_moving, false)) {
                        m_shownRoom.clear();
                        addSystem(tr("You left %1.").arg(room));
                    }
                } else if (reason == "quit"_L1)
                    addSystem(tr("%1 logged out.").arg(nick));
                else if (reason == "lost"_L1)
                    addSystem(tr("%1 lost the connection.").arg(nick));
                else
                    addSystem(tr("%1 left.").arg(nick));
            });
    connect(c, &ChatConnection::presenceChanged, this,
            [this](const QString &, const QString &nick, bool reconnecting) {
                addSystem(
                    reconnecting
                        ? tr("%1 lost the connection; their place is kept for a while.").arg(nick)
                        : tr("%1 is back.").arg(nick));
            });
    connect(c, &ChatConnection::renamed, this, [this](const QString &from, const QString &to) {
        addSystem(tr("%1 is now known as %2.").arg(from, to));
    });
    connect(c, &ChatConnection::historyFollows, this,
            [this](const QString &, const QString &reason, int count) {
                // A divider where the lines from before begin: what was missed is easy to find.
                if (reason == "join"_L1)
                    addDivider(tr("%n earlier messages", nullptr, count));
                else if (reason == "request"_L1)
                    addDivider(tr("%n older messages", nullptr, count));
                else
                    addDivider(tr("%n new messages", nullptr, count));
            });
    connect(c, &ChatConnection::topicSet, this, [this](const QString &nick, const QString &topic) {
        addSystem(topic.isEmpty() ? tr("%1 cleared the topic.").arg(nick)
                                  : tr("%1 set the topic: %2").arg(nick, topic));
    });
}

void ChatWindow::connectListings()
{
    ChatConnection *c = m_connection;
    connect(c, &ChatConnection::commandFailed, this,
            [this](ErrorCode code, const QString &, const QString &subject) {
                m_messages->addLine(MessageFormatter::error(
                    QDateTime::currentDateTimeUtc(), StatusText::commandError(code, subject)));
            });
    connect(c, &ChatConnection::lineRefused, this, [this] {
        addSystem(tr("The client needs tagged mode, so it does not send that setting."));
    });
    connect(c, &ChatConnection::roomsChanged, this, [this](const RoomInfoList &rooms) {
        if (m_roomsDialog->isVisible())
            return;
        // One line per room: topics may hold any punctuation, so no separator is safe.
        addSystem(tr("%n room(s) on this server:", nullptr, int(rooms.size())));
        for (const RoomInfo &room : rooms) {
            const QString people =
                room.members == 0 ? tr("nobody in it") : tr("%n people", nullptr, room.members);
            addSystem(room.topic.isEmpty() ? tr("%1 — %2").arg(room.name, people)
                                           : tr("%1 — %2 — %3").arg(room.name, people, room.topic));
        }
    });
    connect(c, &ChatConnection::whoReceived, this, [this](const PersonInfoList &people) {
        QStringList lines;
        for (const PersonInfo &person : people) {
            const QString who =
                person.reconnecting ? tr("%1 (reconnecting)").arg(person.nick) : person.nick;
            lines << (person.rooms.isEmpty() ? tr("%1 (in no room)").arg(who)
                                             : tr("%1 in %2").arg(who, person.rooms.join(u", "_s)));
        }
        addSystem(tr("Online: %1").arg(lines.join(u", "_s)));
    });
    connect(c, &ChatConnection::helpReceived, this, [this](const QStringList &pairs) {
        for (qsizetype i = 0; i + 1 < pairs.size(); i += 2) {
            const QByteArray summary = pairs.at(i + 1).toUtf8();
            addSystem(u"/%1 — %2"_s.arg(
                pairs.at(i), QCoreApplication::translate("CommandTable", summary.constData())));
        }
    });
    connect(c, &ChatConnection::settingsReceived, this, [this](const QStringList &pairs) {
        QStringList settings;
        for (qsizetype i = 0; i + 1 < pairs.size(); i += 2)
            settings << u"%1=%2"_s.arg(pairs.at(i), pairs.at(i + 1));
        addSystem(tr("Settings: %1").arg(settings.join(u", "_s)));
    });
    connect(c, &ChatConnection::pong, this,
            [this](const QString &token) { addSystem(tr("Pong %1").arg(token).trimmed()); });
}

void ChatWindow::send()
{
    if (m_input->text().trimmed().isEmpty() ||
        m_connection->state() != ChatConnection::State::LoggedIn)
        return;
    m_connection->sendLine(m_input->text());
    m_input->commit();
}

void ChatWindow::countUnread(bool own)
{
    if (own || isActiveWindow())
        return;
    ++m_unread;
    emit unreadChanged(m_unread);
    updateTitle();
}

void ChatWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_unread > 0) {
        m_unread = 0;
        emit unreadChanged(0);
        updateTitle();
    }
    QMainWindow::changeEvent(event);
}

void ChatWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    // A narrow window belongs to the conversation: the people list steps aside (and comes
    // back when there is room again, unless the person chose otherwise meanwhile), and shown
    // by hand it takes at most a third.
    const bool narrow = width() < NarrowWidth;
    m_userPanel->setMaximumWidth(std::max(MinimumListWidth, width() * 3 / 10));
    if (narrow == m_narrow)
        return;
    m_narrow = narrow;
    const QScopedValueRollback adjusting(m_adjustingUsers, true);
    if (narrow && m_usersButton->isChecked()) {
        m_usersHiddenForWidth = true;
        m_usersButton->setChecked(false);
    } else if (!narrow && m_usersHiddenForWidth) {
        m_usersHiddenForWidth = false;
        m_usersButton->setChecked(true);
    }
}

void ChatWindow::closeEvent(QCloseEvent *event)
{
    m_roomsDialog->hide();
    m_connection->logOut();
    emit closed();
    event->accept();
}

void ChatWindow::updateTitle()
{
    const QString address = m_connection->address().toString();
    const QString server = m_connection->isEncrypted() ? tr("%1 (TLS)").arg(address) : address;
    const QString title =
        tr("%1 in %2 — %3").arg(m_connection->nick(), m_connection->room(), server);
    setWindowTitle(m_unread > 0 ? tr("(%1) %2").arg(m_unread).arg(title) : title);
}

void ChatWindow::updateState()
{
    const bool online = m_connection->state() == ChatConnection::State::LoggedIn;
    m_send->setEnabled(online);
    m_state->setText(StatusText::state(*m_connection));
    updateTitle();
}

void ChatWindow::updateUsersTitle()
{
    const qsizetype count = std::max(m_connection->userCount(), qsizetype(m_users->rowCount()));
    if (count > m_users->rowCount())
        m_usersTitle->setText(tr("%n people in %1 (%2 listed)", nullptr, int(count))
                                  .arg(m_connection->room())
                                  .arg(m_users->rowCount()));
    else
        m_usersTitle->setText(tr("%n people in %1", nullptr, int(count)).arg(m_connection->room()));
}

void ChatWindow::showLost(ChatConnection::Failure reason, int delayMs)
{
    const QString why =
        StatusText::failure(reason, m_connection->nick(), m_connection->address().toString());
    // The first loss says why the connection ended; what the retries ran into comes after it,
    // so that "the server is shutting down" is not replaced by "refused" a second later.
    if (!m_lost) {
        m_lostCause = why;
        m_failedAttempts = 0;
        addSystem(tr("Connection lost: %1").arg(why));
    } else {
        ++m_failedAttempts;
    }
    m_lost = true;
    const int seconds = (delayMs + 999) / 1000;
    QString text =
        tr("Connection lost: %1 Reconnecting in %n second(s)…", nullptr, seconds).arg(m_lostCause);
    if (m_failedAttempts > 0)
        text += u' ' +
                tr("Tried %n time(s); the last try failed: %1", nullptr, m_failedAttempts).arg(why);
    m_banner->setText(text);
    m_banner->show();
}

void ChatWindow::addDivider(const QString &text)
{
    m_messages->addLine(MessageFormatter::divider(text));
}

void ChatWindow::addSystem(const QString &text)
{
    m_messages->addLine(MessageFormatter::system(QDateTime::currentDateTimeUtc(), text),
                        MessageView::Tint::System);
}
