// SPDX-License-Identifier: MIT
#include "ChatWindow.h"

#include "AccountDialog.h"
#include "Appearance.h"
#include "BottomPin.h"
#include "ChatSession.h"
#include "ConversationListModel.h"
#include "ConversationPanel.h"
#include "MessageDelegate.h"
#include "MessageInput.h"
#include "MessageModel.h"
#include "MessageView.h"
#include "PeopleView.h"
#include "QuickSwitcher.h"
#include "RoomMasksDialog.h"
#include "RoomSettingsDialog.h"
#include "RoomsDialog.h"
#include "StatusText.h"
#include "UserListModel.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ChatWindow::ChatWindow(ChatSession *session, Appearance *appearance, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_connection(session->connection())
    , m_appearance(appearance)
    , m_roomsDialog(new RoomsDialog(session, this))
    , m_switcher(new QuickSwitcher(session, this))
    , m_panel(new ConversationPanel(session))
    , m_splitter(new QSplitter)
    , m_banner(new QLabel)
    , m_panelButton(new QPushButton)
    , m_title(new QLabel)
    , m_topic(new QLabel)
    , m_messages(new MessageView)
    , m_usersTitle(new QLabel)
    , m_userList(new PeopleView(session->connection()))
    , m_input(new MessageInput)
    , m_send(new QPushButton(tr("&Send")))
    , m_usersButton(new QPushButton(tr("&People")))
    , m_state(new QLabel)
{
    m_banner->setObjectName(u"banner"_s);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(u"QLabel { background: #fff4ce; color: #5c4400; border: 1px solid "
                            "#e8c95a; border-radius: 4px; padding: 6px; font-weight: 600; }"_s);
    m_banner->hide();

    // The side lists' own minimum widths (their buttons, a wrapped title) would add up to a
    // window that cannot be made narrow: resize() is bounded by the minimum before the lists
    // have stepped aside. They get a small minimum; updatePanels() hides them when narrow.
    m_panel->setMinimumWidth(MinimumListWidth / 3);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_panel);
    m_splitter->addWidget(createCenter());
    m_splitter->addWidget(createPeoplePanel());
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({180, 640, 180});

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4); // in a narrow window every pixel is the input's
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    m_state->setObjectName(u"state"_s);
    statusBar()->addWidget(m_state, 1);
    createMenus();
    resize(1000, 640);

    connect(m_panel, &ConversationPanel::roomsWanted, m_roomsDialog, &QDialog::show);
    connectSession();
    connectConnection();
    applyAppearance();
    connect(appearance, &Appearance::changed, this, &ChatWindow::applyAppearance);
    updateState();
    showActive(session->active());
    m_input->setFocus();
}

QWidget *ChatWindow::createHeader()
{
    m_panelButton->setObjectName(u"conversationsButton"_s);
    m_panelButton->setCheckable(true);
    m_panelButton->setChecked(true);
    m_panelButton->setToolTip(tr("Show or hide the conversations (Ctrl+Shift+L)"));
    m_panelButton->setAccessibleName(tr("Conversations"));
    m_title->setObjectName(u"room"_s);
    m_title->setTextFormat(Qt::PlainText);
    // A long name must not hold the window wide (the topic beside it gives way the same).
    m_title->setMinimumWidth(40);
    m_topic->setObjectName(u"topic"_s);
    m_topic->setTextFormat(Qt::PlainText);
    m_topic->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_usersButton->setObjectName(u"users"_s);
    m_usersButton->setCheckable(true);
    m_usersButton->setChecked(true);
    m_usersButton->setToolTip(tr("Show or hide who is here (Ctrl+Shift+P)"));

    auto *header = new QWidget;
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_panelButton);
    layout->addWidget(m_title);
    layout->addWidget(m_topic, 1);
    layout->addWidget(m_usersButton);
    return header;
}

QWidget *ChatWindow::createCenter()
{
    m_messages->setObjectName(u"messages"_s);
    m_messages->setAccessibleName(tr("Messages"));
    m_input->setObjectName(u"input"_s);
    m_input->setAccessibleName(tr("Message"));
    m_input->setPlaceholderText(tr("Type a message, or /help for commands"));
    m_send->setObjectName(u"send"_s);
    connect(m_input, &MessageInput::submitted, this, &ChatWindow::send);
    connect(m_input, &MessageInput::pageRequested, m_messages, &MessageView::page);
    connect(m_send, &QPushButton::clicked, this, &ChatWindow::send);
    connect(m_messages, &MessageView::olderWanted, this,
            [this] { m_session->loadOlder(m_session->active()); });
    m_input->setCandidates([this] {
        // Those who spoke last first, then everyone else here; never ourselves.
        Conversation *active = m_session->active();
        if (!active)
            return QStringList();
        QStringList nicks = active->recentSpeakers() + active->people()->users();
        nicks.removeIf([this](const QString &nick) { return m_connection->isSelf(nick); });
        return nicks;
    });

    auto *row = new QHBoxLayout;
    row->addWidget(m_input, 1);
    row->addWidget(m_send, 0, Qt::AlignBottom);
    auto *center = new QWidget;
    auto *layout = new QVBoxLayout(center);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createHeader());
    layout->addWidget(m_messages, 1);
    layout->addLayout(row);
    return center;
}

QWidget *ChatWindow::createPeoplePanel()
{
    m_peoplePanel = new QWidget;
    m_peoplePanel->setObjectName(u"userPanel"_s);
    m_peoplePanel->setMinimumWidth(MinimumListWidth / 3);
    m_userList->setObjectName(u"userList"_s);
    m_userList->setAccessibleName(tr("People here"));
    m_userList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_usersTitle->setObjectName(u"usersTitle"_s);
    m_usersTitle->setWordWrap(true);
    auto *layout = new QVBoxLayout(m_peoplePanel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_usersTitle);
    layout->addWidget(m_userList);
    // A double click (or Enter) opens a private conversation, as chat programs do.
    const auto writeTo = [this](const QString &nick) {
        if (!m_connection->isSelf(nick)) {
            m_session->openPrivate(nick);
            m_input->setFocus();
        }
    };
    connect(m_userList, &QListView::activated, this, [writeTo](const QModelIndex &index) {
        writeTo(index.data(UserListModel::NickRole).toString());
    });
    connect(m_userList, &PeopleView::privateWanted, this, writeTo);
    connect(m_usersButton, &QPushButton::toggled, this, [this](bool shown) {
        m_peoplePanel->setVisible(shown);
        if (!m_adjusting)
            m_peopleHiddenForWidth = false;
    });
    connect(m_panelButton, &QPushButton::toggled, this, [this](bool shown) {
        m_panel->setVisible(shown);
        if (m_panelAction)
            m_panelAction->setChecked(shown);
        if (!m_adjusting)
            m_panelHiddenForWidth = false;
    });
    return m_peoplePanel;
}

void ChatWindow::createMenus()
{
    QMenu *chat = menuBar()->addMenu(tr("&Chat"));
    chat->addAction(tr("&Go to…"), QKeySequence(Qt::CTRL | Qt::Key_K), m_switcher,
                    &QuickSwitcher::open);
    chat->addAction(tr("&Join or create a room…"), QKeySequence(Qt::CTRL | Qt::Key_J),
                    m_roomsDialog, &QDialog::show);
    chat->addAction(tr("&Leave or close this conversation"), QKeySequence(Qt::CTRL | Qt::Key_W),
                    this, [this] { m_session->close(m_session->active()); });
    chat->addAction(tr("Jump to the first &unread line"), QKeySequence(Qt::CTRL | Qt::Key_U),
                    m_messages, &MessageView::showFirstUnread);
    m_muteAction = chat->addAction(tr("&Mute notifications of this conversation"));
    m_muteAction->setCheckable(true);
    connect(m_muteAction, &QAction::triggered, this, [this](bool muted) {
        if (Conversation *active = m_session->active())
            m_session->setMuted(active, muted);
    });
    m_rulesAction = chat->addAction(tr("&Rules of this room…"), this, &ChatWindow::openRoomRules);
    m_rulesAction->setObjectName(u"roomRules"_s);
    m_masksAction = chat->addAction(tr("&Bans of this room…"), this, &ChatWindow::openRoomMasks);
    m_masksAction->setObjectName(u"roomMasks"_s);
    chat->addSeparator();
    chat->addAction(tr("Log out and &quit"), QKeySequence::Quit, this, &QWidget::close);
    createAccountMenu();

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_panelAction = view->addAction(tr("&Conversations"), QKeySequence(u"Ctrl+Shift+L"_s));
    m_panelAction->setCheckable(true);
    m_panelAction->setChecked(true);
    connect(m_panelAction, &QAction::triggered, m_panelButton, &QPushButton::setChecked);
    QAction *people = view->addAction(tr("&People"), QKeySequence(u"Ctrl+Shift+P"_s));
    people->setCheckable(true);
    people->setChecked(true);
    connect(people, &QAction::triggered, m_usersButton, &QPushButton::setChecked);
    connect(m_usersButton, &QPushButton::toggled, people, &QAction::setChecked);
    view->addSeparator();
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const QList<std::pair<QString, Appearance::Theme>> choices = {
        {tr("Follow the &system"), Appearance::Theme::System},
        {tr("&Light"), Appearance::Theme::Light},
        {tr("&Dark"), Appearance::Theme::Dark}};
    for (const auto &[text, value] : choices) {
        QAction *action = theme->addAction(text);
        action->setCheckable(true);
        action->setChecked(m_appearance->theme() == value);
        action->setObjectName(u"theme%1"_s.arg(int(value)));
        themes->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, value = value] { m_appearance->setTheme(value); });
    }
    QAction *bigger = view->addAction(tr("&Bigger text"), m_appearance, &Appearance::bigger);
    bigger->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    view->addAction(tr("&Smaller text"), QKeySequence::ZoomOut, m_appearance, &Appearance::smaller);
    view->addAction(tr("&Normal text size"), QKeySequence(Qt::CTRL | Qt::Key_0), m_appearance,
                    &Appearance::resetSize);

    // Alt+1 … Alt+9: the conversations in the side panel's order.
    for (int row = 0; row < 9; ++row) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + row)), this);
        connect(shortcut, &QShortcut::activated, this, [this, row] { activateRow(row); });
    }
}

void ChatWindow::createAccountMenu()
{
    using M = AccountDialog::Mode;
    QMenu *account = menuBar()->addMenu(tr("&Account"));
    account->setObjectName(u"accountMenu"_s);
    const QList<std::pair<QString, M>> entries = {{tr("&Register this name…"), M::Register},
                                                  {tr("&Change password…"), M::ChangePassword},
                                                  {tr("&Unregister…"), M::Unregister}};
    for (const auto &[text, mode] : entries) {
        QAction *action = account->addAction(text);
        action->setObjectName(u"account%1"_s.arg(int(mode)));
        connect(action, &QAction::triggered, this,
                [this, mode = mode] { openAccountDialog(int(mode)); });
    }
}

void ChatWindow::openAccountDialog(int mode)
{
    auto *dialog = new AccountDialog(m_connection, AccountDialog::Mode(mode), this);
    dialog->setObjectName(u"accountDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountDialog::succeeded, this, [this](const QString &text) {
        if (Conversation *active = m_session->active())
            active->addNotice(ChatLine::Kind::Notice, text);
    });
    dialog->open();
}

void ChatWindow::activateRow(int row)
{
    if (Conversation *conversation = m_session->conversations()->at(row)) {
        m_session->setActive(conversation);
        m_input->setFocus();
    }
}

void ChatWindow::showConversation(const QString &key)
{
    if (Conversation *conversation = m_session->conversation(key))
        m_session->setActive(conversation);
    show();
    setWindowState(windowState() & ~Qt::WindowMinimized);
    raise();
    activateWindow();
}

void ChatWindow::connectSession()
{
    connect(m_session, &ChatSession::activeChanged, this, &ChatWindow::showActive);
    connect(m_session, &ChatSession::totalUnreadChanged, this, [this](int total) {
        emit unreadChanged(total);
        updateTitle();
    });
}

void ChatWindow::showActive(Conversation *conversation)
{
    if (m_shown)
        disconnect(m_shown, nullptr, this, nullptr);
    m_shown = conversation;
    m_messages->setMessages(conversation ? conversation->messages() : nullptr);
    m_userList->setModel(conversation ? conversation->people() : nullptr);
    m_userList->setRoom(conversation && conversation->isRoom() ? conversation->name() : QString());
    if (conversation) {
        connect(conversation, &Conversation::changed, this, [this] {
            updateHeader();
            updateUsersTitle();
        });
        connect(conversation->people(), &UserListModel::countChanged, this,
                &ChatWindow::updateUsersTitle);
    }
    m_muteAction->setEnabled(conversation != nullptr);
    m_muteAction->setChecked(conversation && conversation->isMuted());
    m_rulesAction->setEnabled(conversation && conversation->isRoom());
    m_masksAction->setEnabled(conversation && conversation->isRoom());
    updateHeader();
    updateUsersTitle();
    updateTitle();
}

QString ChatWindow::roomInView(bool *operating) const
{
    const Conversation *active = m_session->active();
    if (!active || !active->isRoom())
        return {};
    *operating = m_connection->flags(active->name(), m_connection->nick()).standing() >=
                 MemberFlags::Standing::Operator;
    return active->name();
}

// The rules as the client knows them at once, and as the server tells them a moment later (the
// dialog asks): a rule set before we entered reaches the client only through a look.
void ChatWindow::openRoomRules()
{
    bool mayChange = false;
    const QString room = roomInView(&mayChange);
    if (room.isEmpty())
        return;
    auto *dialog = new RoomSettingsDialog(room, m_connection->rules(room), mayChange, this);
    dialog->setObjectName(u"roomRulesDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_connection, &ChatConnection::roomRulesChanged, dialog,
            [this, dialog, room](const QString &changed) {
                if (changed == room)
                    dialog->setRules(m_connection->rules(room));
            });
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, room] { m_connection->setRules(room, dialog->rules()); });
    m_connection->lookRules(room);
    dialog->open();
}

// Everyone may open it; only operators are shown the lists (the server tells them to no one
// else), the others are told why there are none.
void ChatWindow::openRoomMasks()
{
    bool mayChange = false;
    const QString room = roomInView(&mayChange);
    if (room.isEmpty())
        return;
    auto *dialog = new RoomMasksDialog(m_connection, room, mayChange, this);
    dialog->setObjectName(u"roomMasksDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ChatWindow::connectConnection()
{
    ChatConnection *c = m_connection;
    connect(c, &ChatConnection::stateChanged, this, &ChatWindow::updateState);
    connect(c, &ChatConnection::nickChanged, this, [this](const QString &nick) {
        m_messages->messageDelegate()->setNick(nick);
        updateTitle();
    });
    connect(c, &ChatConnection::connectionLost, this, &ChatWindow::showLost);
    connect(c, &ChatConnection::loggedIn, this, [this] {
        m_lost = false;
        m_banner->hide();
    });
}

void ChatWindow::send()
{
    if (m_input->text().trimmed().isEmpty() ||
        m_connection->state() != ChatConnection::State::LoggedIn)
        return;
    m_session->send(m_input->text());
    m_input->commit();
    m_messages->followNewest(); // what we said is at the bottom: show it
}

int ChatWindow::unread() const
{
    return m_session->totalUnread();
}

void ChatWindow::updateAttention()
{
    m_session->setAttentive(isActiveWindow() && !isMinimized());
}

void ChatWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange || event->type() == QEvent::WindowStateChange)
        updateAttention();
    QMainWindow::changeEvent(event);
}

void ChatWindow::closeEvent(QCloseEvent *event)
{
    m_roomsDialog->hide();
    m_switcher->hide();
    m_connection->logOut();
    emit closed();
    event->accept();
}

void ChatWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    updatePanels();
}

void ChatWindow::updatePanels()
{
    // A narrow window belongs to the conversation: the side lists step aside (and come back
    // when there is room again), and shown by hand they take at most a quarter (people) and a
    // fifth (conversations, beside which the input still needs its Send button).
    m_peoplePanel->setMaximumWidth(std::max(MinimumListWidth, width() / 4));
    m_panel->setMaximumWidth(std::max(MinimumListWidth, width() / 5));
    // QSplitter leaves a gap where a list lost width to its new maximum; sizing it again
    // hands that width to the conversation.
    QList<int> sizes = m_splitter->sizes();
    sizes[0] = std::min(sizes[0], m_panel->maximumWidth());
    sizes[2] = std::min(sizes[2], m_peoplePanel->maximumWidth());
    sizes[1] = m_splitter->width() - sizes[0] - sizes[2];
    m_splitter->setSizes(sizes);
    const QScopedValueRollback adjusting(m_adjusting, true);
    const auto fit = [](QPushButton *toggle, bool room, bool &hadRoom, bool &hiddenForWidth) {
        if (room == hadRoom)
            return;
        hadRoom = room;
        if (!room && toggle->isChecked()) {
            hiddenForWidth = true;
            toggle->setChecked(false);
        } else if (room && hiddenForWidth) {
            hiddenForWidth = false;
            toggle->setChecked(true);
        }
    };
    fit(m_usersButton, width() >= PeopleWidth, m_peopleRoom, m_peopleHiddenForWidth);
    fit(m_panelButton, width() >= PanelWidth, m_panelRoom, m_panelHiddenForWidth);
}

void ChatWindow::applyAppearance()
{
    const QFont font = m_appearance->chatFont();
    m_messages->setFont(font);
    m_messages->messageDelegate()->clearCache();
    m_messages->doItemsLayout();
    m_input->setFont(font);
    m_panel->list()->setFont(font);
    m_userList->setFont(font);
    // Fusion draws no focus on scroll areas and lists: without this, a person moving with
    // Tab cannot tell when the pane or a list has the focus. Set again after a theme change,
    // so that palette() follows the new colours.
    setStyleSheet(u"QAbstractScrollArea { border: 1px solid palette(mid); }"
                  "QAbstractScrollArea:focus { border: 2px solid palette(highlight); }"_s);
}

void ChatWindow::updateTitle()
{
    const QString address = m_connection->address().toString();
    const QString server = m_connection->isEncrypted() ? tr("%1 (TLS)").arg(address) : address;
    const Conversation *active = m_session->active();
    const QString where = active
                              ? (active->isRoom() ? active->name() : tr("@%1").arg(active->name()))
                              : tr("no room");
    const QString title = tr("%1 in %2 — %3").arg(m_connection->nick(), where, server);
    const int unread = this->unread();
    setWindowTitle(unread > 0 ? tr("(%1) %2").arg(unread).arg(title) : title);
    // With the conversation list out of sight, its button says that something waits there.
    m_panelButton->setText(unread > 0 && !m_panelButton->isChecked() ? u"☰ %1"_s.arg(unread)
                                                                     : u"☰"_s);
}

void ChatWindow::updateHeader()
{
    const Conversation *active = m_session->active();
    if (!active) {
        m_title->setText(tr("Not in any room"));
        m_topic->clear();
        return;
    }
    m_title->setText(active->isRoom() ? u"# "_s + active->name() : active->name());
    const QString topic =
        active->isRoom() ? active->topic() : tr("Private conversation with %1").arg(active->name());
    m_topic->setText(topic.isEmpty() ? tr("(no topic)") : topic);
    m_topic->setToolTip(topic);
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
    const Conversation *active = m_session->active();
    if (!active) {
        m_usersTitle->clear();
        return;
    }
    const int listed = active->people()->rowCount();
    const qsizetype count = std::max(active->peopleCount(), qsizetype(listed));
    if (count > listed)
        m_usersTitle->setText(
            tr("%n people in %1 (%2 listed)", nullptr, int(count)).arg(active->name()).arg(listed));
    else
        m_usersTitle->setText(tr("%n people in %1", nullptr, int(count)).arg(active->name()));
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
        if (Conversation *active = m_session->active())
            active->addNotice(ChatLine::Kind::Notice, tr("Connection lost: %1").arg(why));
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
