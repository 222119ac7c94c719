<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Register %1</source>
        <translation>注册 %1</translation>
    </message>
    <message>
        <source>Register the nickname %1: from now on only you can use it, with this password. Nobody else can take it while you are away.</source>
        <translation>注册昵称 %1：从现在起只有你能凭这个密码使用它。你不在时，别人也拿不走。</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再输一次(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>注册(&amp;R)</translation>
    </message>
    <message>
        <source>Change the password of %1</source>
        <translation>修改 %1 的密码</translation>
    </message>
    <message>
        <source>Change the password of your registered nickname %1.</source>
        <translation>修改你已注册的昵称 %1 的密码。</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>修改(&amp;C)</translation>
    </message>
    <message>
        <source>Unregister %1</source>
        <translation>注销 %1</translation>
    </message>
    <message>
        <source>Give up the nickname %1: anyone may use it afterwards, and the rooms it owns forget it. Enter its password to confirm.</source>
        <translation>放弃昵称 %1：之后任何人都可以使用它，它拥有的聊天室也会忘记它。请输入密码确认。</translation>
    </message>
    <message>
        <source>&amp;Unregister</source>
        <translation>注销(&amp;U)</translation>
    </message>
    <message numerus="yes">
        <source>one word, at least %n character(s)</source>
        <translation>
            <numerusform>一个词，至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The nickname %1 is registered: from now on, log in with its password.</source>
        <translation>昵称 %1 已注册：从现在起，请用密码登录。</translation>
    </message>
    <message>
        <source>The password is changed: log in with the new one from now on.</source>
        <translation>密码已修改：从现在起请用新密码登录。</translation>
    </message>
    <message>
        <source>The nickname %1 is no longer registered: anyone may use it.</source>
        <translation>昵称 %1 已注销：任何人都可以使用它了。</translation>
    </message>
    <message>
        <source>Enter the current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>A password is one word: no spaces.</source>
        <translation>密码是一个词：不能有空格。</translation>
    </message>
    <message numerus="yes">
        <source>The password is too short: use at least %n character(s).</source>
        <translation>
            <numerusform>密码太短：至少要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords differ: type the same one twice.</source>
        <translation>两次输入的密码不一样：请输入两次相同的密码。</translation>
    </message>
    <message>
        <source>Not connected: try again once the connection is back.</source>
        <translation>未连接：连接恢复后再试。</translation>
    </message>
</context>
<context>
    <name>CertificateQuestion</name>
    <message>
        <source>Unknown certificate</source>
        <translation>未知的证书</translation>
    </message>
    <message>
        <source>Trust this certificate for %1?</source>
        <translation>要信任 %1 的这个证书吗？</translation>
    </message>
    <message>
        <source>No certificate authority vouches for this server&apos;s certificate: it is self-signed or its issuer is unknown. Trust it only if its fingerprint is the one the server&apos;s owner gave you.&lt;br&gt;&lt;br&gt;&lt;b&gt;Subject:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;SHA-256 fingerprint:&lt;/b&gt;&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;</source>
        <translation>没有任何证书颁发机构为这台服务器的证书担保：它是自签名的，或者签发者未知。只有当它的指纹与服务器管理者告诉你的一致时才信任它。&lt;br&gt;&lt;br&gt;&lt;b&gt;主体：&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;SHA-256 指纹：&lt;/b&gt;&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>信任(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Do not connect</source>
        <translation>不连接(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ChatClient</name>
    <message>
        <source>Language of the windows: %1.</source>
        <translation>窗口使用的语言：%1。</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use one of: %2.</source>
        <translation>未知的语言“%1”；请使用以下之一：%2。</translation>
    </message>
</context>
<context>
    <name>ChatServer</name>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>无法在 %1 的端口 %2 上监听：%3</translation>
    </message>
    <message>
        <source>TLS is not available: no TLS backend</source>
        <translation>TLS 不可用：没有 TLS 后端</translation>
    </message>
    <message>
        <source>cannot read a PEM certificate from %1</source>
        <translation>无法从 %1 读取 PEM 证书</translation>
    </message>
    <message>
        <source>cannot read a PEM private key from %1</source>
        <translation>无法从 %1 读取 PEM 私钥</translation>
    </message>
    <message>
        <source>cannot store the room %1: %2</source>
        <translation>无法保存房间 %1：%2</translation>
    </message>
    <message>
        <source>(the IRC listener: --irc-port picks another port, 0 turns it off)</source>
        <translation>（IRC 监听器：--irc-port 可换一个端口，0 表示关闭）</translation>
    </message>
    <message>
        <source>(the IRC listener over TLS: --irc-tls-port picks another port, 0 turns it off)</source>
        <translation>（TLS 上的 IRC 监听器：--irc-tls-port 可换一个端口，0 表示关闭）</translation>
    </message>
    <message>
        <source>(the web front end: --web-port picks another port, 0 turns it off)</source>
        <translation>（Web 前端：--web-port 可换一个端口，0 表示关闭）</translation>
    </message>
    <message>
        <source>the nodes of a cluster share one PostgreSQL database: give --database postgresql://user:password@host:port/dbname with --cluster</source>
        <translation>集群的各节点共用一个 PostgreSQL 数据库：请与 --cluster 一起给出 --database postgresql://user:password@host:port/dbname</translation>
    </message>
    <message>
        <source>cannot join the cluster %1: %2</source>
        <translation>无法加入集群 %1：%2</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>Reconnected.</source>
        <translation>已重新连接。</translation>
    </message>
    <message>
        <source>You are now in %1.</source>
        <translation>你已进入 %1。</translation>
    </message>
    <message>
        <source>You left %1 and are now in %2.</source>
        <translation>你离开了 %1，现在在 %2。</translation>
    </message>
    <message>
        <source>%1 joined.</source>
        <translation>%1 加入了。</translation>
    </message>
    <message>
        <source>%1 lost the connection; their place is kept for a while.</source>
        <translation>%1 断开了连接；暂时为其保留位置。</translation>
    </message>
    <message>
        <source>%1 is back.</source>
        <translation>%1 回来了。</translation>
    </message>
    <message>
        <source>%1 is now known as %2.</source>
        <translation>%1 改名为 %2。</translation>
    </message>
    <message>
        <source>The client needs tagged mode, so it does not send that setting.</source>
        <translation>客户端依赖标记模式，因此不会发送这项设置。</translation>
    </message>
    <message>
        <source>Pong %1</source>
        <translation>Pong %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n 条新消息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier messages</source>
        <translation>
            <numerusform>%n 条更早的消息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread messages</source>
        <translation>
            <numerusform>%n 条未读消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Actions (/me) go to rooms; here, just write.</source>
        <translation>动作（/me）只能用于聊天室；在这里直接输入即可。</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1（在 %2）</translation>
    </message>
    <message>
        <source>Notice from %1: %2</source>
        <translation>来自 %1 的通知：%2</translation>
    </message>
    <message>
        <source>%1 is away: %2</source>
        <translation>%1 暂时离开：%2</translation>
    </message>
    <message>
        <source>To %1: %2</source>
        <translation>发往 %1：%2</translation>
    </message>
    <message>
        <source>To %1: * %2 %3</source>
        <translation>发往 %1：* %2 %3</translation>
    </message>
    <message>
        <source>In %1: %2</source>
        <translation>在 %1：%2</translation>
    </message>
    <message>
        <source>To %1: -%2- %3</source>
        <translation>发往 %1：-%2- %3</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Type a message, or /help for commands</source>
        <translation>输入消息，或输入 /help 查看命令</translation>
    </message>
    <message>
        <source>(no topic)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>%1 in %2 — %3</source>
        <translation>%1 在 %2 — %3</translation>
    </message>
    <message>
        <source>(%1) %2</source>
        <translation>(%1) %2</translation>
    </message>
    <message numerus="yes">
        <source>%n people in %1</source>
        <translation>
            <numerusform>%1 中有 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>连接已断开：%1</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost: %1 Reconnecting in %n second(s)…</source>
        <translation>
            <numerusform>连接已断开：%1 %n 秒后重新连接…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (TLS)</source>
        <translation>%1 (TLS)</translation>
    </message>
    <message numerus="yes">
        <source>%n people in %1 (%2 listed)</source>
        <translation>
            <numerusform>%1 里有 %n 人（列出 %2 人）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tried %n time(s); the last try failed: %1</source>
        <translation>
            <numerusform>已尝试 %n 次；最后一次失败：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>成员(&amp;P)</translation>
    </message>
    <message>
        <source>Show or hide the conversations (Ctrl+Shift+L)</source>
        <translation>显示或隐藏会话列表（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Show or hide who is here (Ctrl+Shift+P)</source>
        <translation>显示或隐藏在场的人（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息输入</translation>
    </message>
    <message>
        <source>People here</source>
        <translation>在场的人</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>聊天(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>转到(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Join or create a room…</source>
        <translation>加入或创建聊天室(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Leave or close this conversation</source>
        <translation>离开或关闭此会话(&amp;L)</translation>
    </message>
    <message>
        <source>Jump to the first &amp;unread line</source>
        <translation>跳到第一条未读(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Mute notifications of this conversation</source>
        <translation>此会话不发通知(&amp;M)</translation>
    </message>
    <message>
        <source>Log out and &amp;quit</source>
        <translation>登出并退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Conversations</source>
        <translation>会话列表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Bigger text</source>
        <translation>放大文字(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>正常文字大小(&amp;N)</translation>
    </message>
    <message>
        <source>@%1</source>
        <translation>@%1</translation>
    </message>
    <message>
        <source>no room</source>
        <translation>不在聊天室</translation>
    </message>
    <message>
        <source>Not in any room</source>
        <translation>不在任何聊天室</translation>
    </message>
    <message>
        <source>Private conversation with %1</source>
        <translation>与 %1 的私聊</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Register this name…</source>
        <translation>注册这个昵称(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Unregister…</source>
        <translation>注销昵称(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Rules of this room…</source>
        <translation>本聊天室的规则(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Bans of this room…</source>
        <translation>本聊天室的封禁(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>CommandTable</name>
    <message>
        <source>Leave the server.</source>
        <translation>离开服务器。</translation>
    </message>
    <message>
        <source>Say something to the room (plain text does the same).</source>
        <translation>在房间里说话（直接输入文字效果相同）。</translation>
    </message>
    <message>
        <source>Describe an action, shown as &quot;* nick waves&quot;.</source>
        <translation>描述一个动作，显示为“* 昵称 挥手”。</translation>
    </message>
    <message>
        <source>Show who is in this room.</source>
        <translation>查看本房间里有谁。</translation>
    </message>
    <message>
        <source>Create a room and enter it.</source>
        <translation>创建一个房间并进入。</translation>
    </message>
    <message>
        <source>Send a private message that only that person sees.</source>
        <translation>发送只有对方能看到的私信。</translation>
    </message>
    <message>
        <source>Change your nickname.</source>
        <translation>修改你的昵称。</translation>
    </message>
    <message>
        <source>Show the room&apos;s topic, or set it.</source>
        <translation>查看或设置房间话题。</translation>
    </message>
    <message>
        <source>List the commands, or explain one.</source>
        <translation>列出所有命令，或解释某个命令。</translation>
    </message>
    <message>
        <source>Check that the server answers; it replies pong.</source>
        <translation>检查服务器是否响应；它会回复 pong。</translation>
    </message>
    <message>
        <source>Answer the server&apos;s ping.</source>
        <translation>回应服务器的 ping。</translation>
    </message>
    <message>
        <source>Give the server&apos;s password before logging in, where one is set.</source>
        <translation>如果服务器设置了密码，请在登录前提供密码。</translation>
    </message>
    <message>
        <source>Enter a room (with rooms one, leaving the one you are in).</source>
        <translation>进入一个房间（rooms 为 one 时会离开当前房间）。</translation>
    </message>
    <message>
        <source>Leave a room, or the one you are talking in.</source>
        <translation>离开一个房间，或离开你正在说话的房间。</translation>
    </message>
    <message>
        <source>Talk in another of the rooms you are in.</source>
        <translation>切换到你所在的另一个房间说话。</translation>
    </message>
    <message>
        <source>Show earlier messages of a room, or of your private messages with someone.</source>
        <translation>查看房间的早先消息，或你与某人的私信记录。</translation>
    </message>
    <message>
        <source>Come back after a dropped connection, with what you missed.</source>
        <translation>连接断开后回来，并收到你错过的消息。</translation>
    </message>
    <message>
        <source>Show your settings, or change one: time on|off, tagged on|off, lang en|zh_CN, rooms one|many, invisible on|off.</source>
        <translation>查看你的设置，或修改其中一项：time on|off、tagged on|off、lang en|zh_CN、rooms one|many、invisible on|off。</translation>
    </message>
    <message>
        <source>Show everyone logged in and the rooms each is in, a page at a time (/who ali: the names with ali in them).</source>
        <translation>查看所有在线的人及各自所在的房间，每次一页（/who ali：名字里带 ali 的人）。</translation>
    </message>
    <message>
        <source>Show the rooms with their member counts and topics, a page at a time (/list gam*: the names starting with gam).</source>
        <translation>查看所有房间及其人数和话题，每次一页（/list gam*：名字以 gam 开头的房间）。</translation>
    </message>
    <message>
        <source>Log in with a nickname, and its password if it is registered.</source>
        <translation>用昵称登录；已注册的昵称还要给出密码。</translation>
    </message>
    <message>
        <source>Register your nickname, so that only you can use it.</source>
        <translation>注册你的昵称，之后只有你能使用它。</translation>
    </message>
    <message>
        <source>Give the password of the registered nickname you tried to log in with.</source>
        <translation>给出你登录时所用的已注册昵称的密码。</translation>
    </message>
    <message>
        <source>Change the password of your registered nickname.</source>
        <translation>修改你已注册昵称的密码。</translation>
    </message>
    <message>
        <source>Give up your registered nickname.</source>
        <translation>注销你已注册的昵称。</translation>
    </message>
    <message>
        <source>Make someone an operator of the room (its owner only).</source>
        <translation>让某人成为房间管理员（仅房主）。</translation>
    </message>
    <message>
        <source>Take someone&apos;s operator rights in the room (its owner only).</source>
        <translation>收回某人在房间里的管理员权限（仅房主）。</translation>
    </message>
    <message>
        <source>Put someone out of the room (operators).</source>
        <translation>把某人请出房间（管理员）。</translation>
    </message>
    <message>
        <source>Let someone read but not speak in the room, for a while or until unmuted (operators).</source>
        <translation>让某人在房间里只能看不能说，一段时间或直到解除禁言（管理员）。</translation>
    </message>
    <message>
        <source>Let a muted person speak again (operators).</source>
        <translation>让被禁言的人重新发言（管理员）。</translation>
    </message>
    <message>
        <source>Keep a nick, account:&lt;name&gt; or address out of the room, for a while (30s, 10m, 2h, 7d) or for good (operators).</source>
        <translation>不让某个昵称、account:&lt;名字&gt; 或地址进入房间，可以是一段时间（30s、10m、2h、7d）或永久（管理员）。</translation>
    </message>
    <message>
        <source>Lift a ban (operators).</source>
        <translation>解除封禁（管理员）。</translation>
    </message>
    <message>
        <source>Show who is banned from the room (operators).</source>
        <translation>显示被禁止进入房间的人（管理员）。</translation>
    </message>
    <message>
        <source>Let someone into an invite-only room, once (operators).</source>
        <translation>邀请某人进入仅限邀请的房间，一次有效（管理员）。</translation>
    </message>
    <message>
        <source>Say that you are away; private messages get your text back.</source>
        <translation>表示你暂时离开；给你的私信会收到你的留言。</translation>
    </message>
    <message>
        <source>Say that you are back.</source>
        <translation>表示你已回来。</translation>
    </message>
    <message>
        <source>Tell everyone on the server something (administrators).</source>
        <translation>通知服务器上的所有人（服务器管理员）。</translation>
    </message>
    <message>
        <source>Close someone&apos;s connections (administrators).</source>
        <translation>断开某人的连接（服务器管理员）。</translation>
    </message>
    <message>
        <source>Close a room: everyone leaves and it is removed (administrators).</source>
        <translation>关闭房间：所有人离开，房间被删除（服务器管理员）。</translation>
    </message>
    <message>
        <source>Show the room&apos;s latest moderation acts: who did what to whom, when and why (operators).</source>
        <translation>显示房间最近的管理操作：谁在何时对谁做了什么、为什么（管理员）。</translation>
    </message>
    <message>
        <source>List your rooms and private conversations with messages between two times, from the first time toward the second.</source>
        <translation>列出在两个时间之间有消息的你的房间和私聊，从第一个时间往第二个时间排列。</translation>
    </message>
    <message>
        <source>Let someone speak in a moderated room (operators).</source>
        <translation>允许某人在受控房间里发言（管理员）。</translation>
    </message>
    <message>
        <source>Take back someone&apos;s voice in a moderated room (operators).</source>
        <translation>收回某人在受控房间里的发言权（管理员）。</translation>
    </message>
    <message>
        <source>Show who last went by a nickname: when they left or took another name, newest first.</source>
        <translation>显示最近谁用过某个昵称：何时离开或改用别的名字，最新的在前。</translation>
    </message>
    <message>
        <source>Act as a server administrator under any nickname, with an administrator&apos;s account and its password.</source>
        <translation>用管理员的账号和密码，以任意昵称行使服务器管理员的权限。</translation>
    </message>
    <message>
        <source>Tell the server&apos;s other administrators something, and nobody else (administrators).</source>
        <translation>只告诉服务器的其他管理员，不告诉别人（管理员）。</translation>
    </message>
    <message>
        <source>Let a nick, account:&lt;name&gt; or address into the room without an invitation while it is invite-only (operators).</source>
        <translation>让某个昵称、account:&lt;名称&gt; 或地址在房间仅限邀请时无需邀请即可进入（操作员）。</translation>
    </message>
    <message>
        <source>Take back an allow: the mask needs an invitation again (operators).</source>
        <translation>收回一条免邀请许可：该掩码又需要邀请才能进入（操作员）。</translation>
    </message>
    <message>
        <source>Show who enters the room without an invitation (operators).</source>
        <translation>显示谁无需邀请即可进入房间（操作员）。</translation>
    </message>
    <message>
        <source>Send a note to the room, or to one person with @nick: a line nobody answers automatically, as bots write (IRC&apos;s NOTICE).</source>
        <translation>向房间发送一条通知，或用 @昵称 发给一个人：任何人和程序都不会自动回复它，机器人的输出就这样写（即 IRC 的 NOTICE）。</translation>
    </message>
    <message>
        <source>Send an IRC client&apos;s tags alone (typing, a reaction) to a room or one person; IRC clients show them.</source>
        <translation>单独发送 IRC 客户端的标签（正在输入、表情回应）给一个房间或一个人；IRC 客户端会显示它们。</translation>
    </message>
    <message>
        <source>Turn rules of the room on or off, or give it a limit of people or a key to join with (operators).</source>
        <translation>开启或关闭房间的规则（一行可改几条），或给房间设定人数上限或加入密钥（管理员）。</translation>
    </message>
    <message>
        <source>Let a nick, account:&lt;name&gt; or address into the room even when a ban catches it (operators).</source>
        <translation>让某个昵称、account:&lt;名称&gt; 或地址即使被封禁也能进入房间（操作员）。</translation>
    </message>
    <message>
        <source>Take back an exemption: the room&apos;s bans hold for the mask again (operators).</source>
        <translation>收回一条封禁豁免：房间的封禁对该掩码重新生效（操作员）。</translation>
    </message>
    <message>
        <source>Show who the room&apos;s bans do not keep out (operators).</source>
        <translation>显示不受房间封禁限制的人（操作员）。</translation>
    </message>
</context>
<context>
    <name>ConfigFile</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than 1 MiB</source>
        <translation>%1 大于 1 MiB</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text</source>
        <translation>%1 不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>%1:%2: expected &quot;key = value&quot;, not &quot;%3&quot;</source>
        <translation>%1:%2：应为“键 = 值”，而不是“%3”</translation>
    </message>
    <message>
        <source>%1:%2: %3 is already set on line %4</source>
        <translation>%1:%2：%3 已在第 %4 行设置过</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>Private conversations</source>
        <translation>私聊</translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message>
        <source>room %1</source>
        <translation>聊天室 %1</translation>
    </message>
    <message>
        <source>%1, private</source>
        <translation>%1，私聊</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n 条未读</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentioning you</source>
        <translation>
            <numerusform>%n 条提到你</numerusform>
        </translation>
    </message>
    <message>
        <source>muted</source>
        <translation>已静音</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <source>&amp;Join or create a room…</source>
        <translation>加入或创建聊天室(&amp;J)…</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Join a room of this server, or create one (Ctrl+J)</source>
        <translation>加入本服务器的聊天室，或创建一个（Ctrl+J）</translation>
    </message>
    <message>
        <source>&amp;Leave %1</source>
        <translation>离开 %1(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Close the conversation with %1</source>
        <translation>关闭与 %1 的会话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Mute notifications</source>
        <translation>不发通知(&amp;M)</translation>
    </message>
</context>
<context>
    <name>Event</name>
    <message>
        <source>That line is not valid UTF-8 text.</source>
        <translation>这一行不是有效的 UTF-8 文本。</translation>
    </message>
    <message>
        <source>Control characters are not allowed in text.</source>
        <translation>文本中不允许出现控制字符。</translation>
    </message>
    <message>
        <source>Invalid label: use 1-32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>标签无效：请使用 1-32 个字母、数字、“.”、“_”或“-”。</translation>
    </message>
    <message>
        <source>No one called %1 is logged in.</source>
        <translation>没有名为 %1 的在线用户。</translation>
    </message>
    <message>
        <source>There is no room called %1 (list shows the rooms).</source>
        <translation>没有名为 %1 的房间（list 可列出所有房间）。</translation>
    </message>
    <message>
        <source>The room %1 already exists: use join %1.</source>
        <translation>房间 %1 已存在：请使用 join %1。</translation>
    </message>
    <message>
        <source>There is no text to send.</source>
        <translation>没有可发送的文字。</translation>
    </message>
    <message>
        <source>That line is too long (the limit is %1 bytes); it was dropped.</source>
        <translation>这一行太长（上限为 %1 字节），已被丢弃。</translation>
    </message>
    <message>
        <source>Unknown command: %1 (help lists the commands).</source>
        <translation>未知命令：%1（help 可列出所有命令）。</translation>
    </message>
    <message>
        <source>The nickname %1 is already taken.</source>
        <translation>昵称 %1 已被占用。</translation>
    </message>
    <message>
        <source>You are already in %1.</source>
        <translation>你已经在 %1 里了。</translation>
    </message>
    <message>
        <source>Log in first: login &lt;nick&gt;</source>
        <translation>请先登录：login &lt;昵称&gt;</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>You are already logged in as %1.</source>
        <translation>你已经以 %1 的身份登录了。</translation>
    </message>
    <message>
        <source>That topic is too long (the limit is %1 characters).</source>
        <translation>话题太长（上限为 %1 个字符）。</translation>
    </message>
    <message>
        <source>Error %1.</source>
        <translation>错误 %1。</translation>
    </message>
    <message>
        <source>This is a chat server: connect with telnet, nc or chat-client.</source>
        <translation>这是一个聊天服务器：请用 telnet、nc 或 chat-client 连接。</translation>
    </message>
    <message>
        <source>Too many connections from your address (the limit is %1); try again later.</source>
        <translation>来自你的地址的连接太多（上限为 %1）；请稍后再试。</translation>
    </message>
    <message>
        <source>This server needs a password: pass &lt;password&gt;, then login &lt;nick&gt;.</source>
        <translation>此服务器需要密码：先 pass &lt;密码&gt;，再 login &lt;昵称&gt;。</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>The server is full (%1 connections); try again later.</source>
        <translation>服务器已满（%1 个连接）；请稍后再试。</translation>
    </message>
    <message>
        <source>At most %1 lines per history request.</source>
        <translation>每次查看历史最多 %1 行。</translation>
    </message>
    <message>
        <source>You are in no room: join one (list shows the rooms).</source>
        <translation>你不在任何房间里：请先进入一个（list 可列出所有房间）。</translation>
    </message>
    <message>
        <source>You are not in %1: join it first.</source>
        <translation>你不在 %1 里：请先进入。</translation>
    </message>
    <message>
        <source>You are in too many rooms (the limit is %1): leave one first.</source>
        <translation>你所在的房间太多（上限为 %1）：请先离开一个。</translation>
    </message>
    <message>
        <source>That resume token is wrong or has expired: log in with login &lt;nick&gt;.</source>
        <translation>恢复令牌错误或已过期：请用 login &lt;昵称&gt; 登录。</translation>
    </message>
    <message>
        <source>The server&apos;s storage is full: your message was not sent.</source>
        <translation>服务器的存储已满：你的消息没有发出。</translation>
    </message>
    <message>
        <source>The server could not store your message: it was not sent.</source>
        <translation>服务器无法保存你的消息：消息没有发出。</translation>
    </message>
    <message>
        <source>You are creating rooms too fast: try again in %1 seconds.</source>
        <translation>你创建房间太快了：请在 %1 秒后再试。</translation>
    </message>
    <message>
        <source>The server has as many rooms as it may (%1): join one of them instead.</source>
        <translation>服务器的房间数已达上限（%1）：请进入已有的房间。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid nickname: use up to %2 letters of one script, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</source>
        <translation>“%1”不是有效的昵称：最多 %2 个同一种文字的字母、数字、“_”或“-”，并以字母、数字或“_”开头。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid room name: use up to %2 letters of one script, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</source>
        <translation>“%1”不是有效的房间名：最多 %2 个同一种文字的字母、数字、“_”或“-”，并以字母、数字或“_”开头。</translation>
    </message>
    <message>
        <source>There is no registered nickname to identify for: log in with login &lt;nick&gt; first.</source>
        <translation>没有要验证的已注册昵称：请先用 login &lt;昵称&gt; 登录。</translation>
    </message>
    <message>
        <source>The nickname %1 is not registered.</source>
        <translation>昵称 %1 尚未注册。</translation>
    </message>
    <message>
        <source>A password is one word of %1 to %2 characters, without spaces.</source>
        <translation>密码须为 %1 到 %2 个字符的一个词，不能含空格。</translation>
    </message>
    <message>
        <source>The nickname %1 is registered: type identify &lt;password&gt; to log in with it, or log in with another nickname.</source>
        <translation>昵称 %1 已被注册：输入 identify &lt;密码&gt; 用它登录，或换一个昵称登录。</translation>
    </message>
    <message>
        <source>Wrong password for %1.</source>
        <translation>%1 的密码错误。</translation>
    </message>
    <message>
        <source>The nickname %1 is already registered.</source>
        <translation>昵称 %1 已经被注册。</translation>
    </message>
    <message>
        <source>%1 is not in that room.</source>
        <translation>%1 不在那个房间里。</translation>
    </message>
    <message>
        <source>You may not do that in %1: it takes the room&apos;s operators or owner.</source>
        <translation>你不能在 %1 这样做：只有房间的管理员或房主可以。</translation>
    </message>
    <message>
        <source>%1 is invite-only: an operator must invite you first.</source>
        <translation>%1 仅限邀请：需要管理员先邀请你。</translation>
    </message>
    <message>
        <source>You are banned from %1.</source>
        <translation>你已被禁止进入 %1。</translation>
    </message>
    <message>
        <source>Only registered people may enter %1: register or identify first.</source>
        <translation>只有已注册的人才能进入 %1：请先注册或验证身份。</translation>
    </message>
    <message>
        <source>Only the server&apos;s administrators may use %1.</source>
        <translation>只有服务器管理员才能使用 %1。</translation>
    </message>
    <message>
        <source>This server has lost touch with the rest of its cluster and takes no new names until it is back; try again in a moment.</source>
        <translation>本服务器与集群的其他部分失去了联系，恢复之前不接受新的昵称；请稍后再试。</translation>
    </message>
    <message>
        <source>%1 is full: its operators set a limit of people.</source>
        <translation>%1 已满：管理员设定了人数上限。</translation>
    </message>
    <message>
        <source>%1 takes a key: join %1 &lt;key&gt;.</source>
        <translation>%1 需要密钥：join %1 &lt;密钥&gt;。</translation>
    </message>
    <message>
        <source>A room&apos;s key is one word of up to %1 letters, digits or signs (not &quot;off&quot;), or off.</source>
        <translation>房间密钥是一个最多 %1 个字母、数字或符号的词（不能是 &quot;off&quot;），或 off。</translation>
    </message>
    <message>
        <source>A room&apos;s limit is a number of people from 1 to %1, or off.</source>
        <translation>房间人数上限是 1 到 %1 之间的数字，或 off。</translation>
    </message>
    <message>
        <source>You may not speak in %1: you are muted there, or it is moderated and nobody gave you a voice. You may read.</source>
        <translation>你不能在 %1 发言：你在那里被禁言，或该房间受控而没有人给你发言权。你仍可阅读。</translation>
    </message>
    <message>
        <source>%1 is already in the room.</source>
        <translation>%1 已经在这个房间里了。</translation>
    </message>
    <message>
        <source>The room&apos;s list is full (%1 masks): take one off first.</source>
        <translation>房间的这个列表已满（%1 个掩码）：请先去掉一个。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mask: give a nickname, account:&lt;name&gt;, or an address or subnet (10.0.0.0/8).</source>
        <translation>“%1”不是掩码：请给出昵称、account:&lt;名字&gt;，或地址、子网（10.0.0.0/8）。</translation>
    </message>
</context>
<context>
    <name>FreedesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Log in to chat</source>
        <translation>登录聊天</translation>
    </message>
    <message>
        <source>for example alice</source>
        <translation>例如 alice</translation>
    </message>
    <message>
        <source>Welcome! Choose a server and a nickname.</source>
        <translation>欢迎！请选择服务器和昵称。</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Nickname:</source>
        <translation>昵称(&amp;N)：</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address, for example localhost:5005 or [::1]:5005.</source>
        <translation>请输入服务器的主机名或地址，例如 localhost:5005 或 [::1]:5005。</translation>
    </message>
    <message>
        <source>The port after the colon must be a number from 1 to 65535.</source>
        <translation>冒号后的端口必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>Enter the nickname others will see you as.</source>
        <translation>请输入别人看到的你的昵称。</translation>
    </message>
    <message>
        <source>Secure connection (&amp;TLS)</source>
        <translation>安全连接 (&amp;TLS)</translation>
    </message>
    <message>
        <source>&amp;Forget the remembered certificate</source>
        <translation>忘记记住的证书(&amp;F)</translation>
    </message>
    <message>
        <source>only if the server asks for one</source>
        <translation>仅当服务器要求时填写</translation>
    </message>
    <message>
        <source>Server &amp;password:</source>
        <translation>服务器密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>The certificate remembered for %1 is forgotten. When you log in, you will be asked about the new one.</source>
        <translation>已忘记为 %1 记住的证书。登录时会询问你是否信任新的证书。</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>only if you registered this nickname</source>
        <translation>仅当你注册了这个昵称时填写</translation>
    </message>
    <message>
        <source>The password of a registered nickname. It is sent once, when you log in, and never saved on this computer.</source>
        <translation>已注册昵称的密码。只在登录时发送一次，绝不会保存在这台电脑上。</translation>
    </message>
    <message>
        <source>Pass&amp;word of %1:</source>
        <translation>%1 的密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Checking the password: after wrong passwords the server answers more slowly, up to half a minute.</source>
        <translation>正在核对密码：输错密码后，服务器的回答会变慢，最长半分钟。</translation>
    </message>
</context>
<context>
    <name>MaskListModel</name>
    <message>
        <source>For good</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>设置者</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>New</source>
        <translation>新消息</translation>
    </message>
</context>
<context>
    <name>MessageModel</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>%1 cleared the topic.</source>
        <translation>%1 清除了主题。</translation>
    </message>
    <message>
        <source>%1 set the topic: %2</source>
        <translation>%1 设置了主题：%2</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message numerus="yes">
        <source>%n new message(s) below ↓</source>
        <translation>
            <numerusform>下方有 %n 条新消息 ↓</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;link address</source>
        <translation>复制链接地址(&amp;L)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MetricsServer</name>
    <message>
        <source>cannot serve metrics on %1 port %2: %3</source>
        <translation>无法在 %1 的端口 %2 上提供指标：%3</translation>
    </message>
</context>
<context>
    <name>ModerationDialog</name>
    <message>
        <source>For good</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>Until unmuted</source>
        <translation>直到解除禁言</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <source>&amp;How long:</source>
        <translation>时长(&amp;H)：</translation>
    </message>
    <message>
        <source>optional; everyone in the room sees it</source>
        <translation>可不填；聊天室里的每个人都会看到</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Kick %1</source>
        <translation>请出 %1</translation>
    </message>
    <message>
        <source>Put %1 out of %2. They may come back in.</source>
        <translation>把 %1 请出 %2。对方之后还可以再进来。</translation>
    </message>
    <message>
        <source>&amp;Kick</source>
        <translation>请出(&amp;K)</translation>
    </message>
    <message>
        <source>Ban %1</source>
        <translation>封禁 %1</translation>
    </message>
    <message>
        <source>Put %1 out of %2 and keep them out, for a while or for good.</source>
        <translation>把 %1 请出 %2，并在一段时间内或永久不让对方进来。</translation>
    </message>
    <message>
        <source>&amp;Ban</source>
        <translation>封禁(&amp;B)</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>禁言 %1</translation>
    </message>
    <message>
        <source>Let %1 read %2 but not speak in it.</source>
        <translation>让 %1 可以看 %2 的消息，但不能在其中发言。</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>禁言(&amp;M)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>NoticeText</name>
    <message>
        <source>%1 logged out.</source>
        <translation>%1 已退出登录。</translation>
    </message>
    <message>
        <source>%1 lost the connection.</source>
        <translation>%1 的连接已断开。</translation>
    </message>
    <message>
        <source>%1 left.</source>
        <translation>%1 离开了。</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s) on this server:</source>
        <translation>
            <numerusform>本服务器有 %n 个房间：</numerusform>
        </translation>
    </message>
    <message>
        <source>nobody in it</source>
        <translation>没有人</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <source>%1 (reconnecting)</source>
        <translation>%1（正在重连）</translation>
    </message>
    <message>
        <source>%1 (in no room)</source>
        <translation>%1（不在任何房间）</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 在 %2</translation>
    </message>
    <message>
        <source>Online: %1</source>
        <translation>在线：%1</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>设置：%1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more: the Rooms window has them all.</source>
        <translation>
            <numerusform>… 还有 %n 个：“房间”窗口里有全部。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 还有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was put out of the room.</source>
        <translation>%1 被请出了聊天室。</translation>
    </message>
    <message>
        <source>%1 made you an operator of this room.</source>
        <translation>%1 让你成为了本聊天室的管理员。</translation>
    </message>
    <message>
        <source>%1 made %2 an operator of this room.</source>
        <translation>%1 让 %2 成为了本聊天室的管理员。</translation>
    </message>
    <message>
        <source>%1 took your operator rights in this room.</source>
        <translation>%1 取消了你在本聊天室的管理员权限。</translation>
    </message>
    <message>
        <source>%1 took the operator rights of %2.</source>
        <translation>%1 取消了 %2 的管理员权限。</translation>
    </message>
    <message numerus="yes">
        <source>%1 muted you for %n second(s): you may read, but not speak.</source>
        <translation>
            <numerusform>%1 将你禁言 %n 秒：你可以看消息，但不能发言。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 muted you: you may read, but not speak until you are unmuted.</source>
        <translation>%1 将你禁言：在解除禁言之前，你可以看消息，但不能发言。</translation>
    </message>
    <message numerus="yes">
        <source>%1 muted %2 for %n second(s).</source>
        <translation>
            <numerusform>%1 将 %2 禁言 %n 秒。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 muted %2.</source>
        <translation>%1 将 %2 禁言。</translation>
    </message>
    <message>
        <source>%1 unmuted you: you may speak again.</source>
        <translation>%1 解除了你的禁言：你可以发言了。</translation>
    </message>
    <message>
        <source>%1 unmuted %2.</source>
        <translation>%1 解除了 %2 的禁言。</translation>
    </message>
    <message>
        <source>%1 put you out of the room.</source>
        <translation>%1 把你请出了聊天室。</translation>
    </message>
    <message>
        <source>%1 put you out of the room: %2</source>
        <translation>%1 把你请出了聊天室：%2</translation>
    </message>
    <message>
        <source>%1 put %2 out of the room.</source>
        <translation>%1 把 %2 请出了聊天室。</translation>
    </message>
    <message>
        <source>%1 put %2 out of the room: %3</source>
        <translation>%1 把 %2 请出了聊天室：%3</translation>
    </message>
    <message>
        <source>%1 banned you from the room.</source>
        <translation>%1 封禁了你，不让你进入聊天室。</translation>
    </message>
    <message>
        <source>%1 banned %2 from the room.</source>
        <translation>%1 封禁了 %2。</translation>
    </message>
    <message>
        <source>%1 lifted the ban on %2.</source>
        <translation>%1 解除了对 %2 的封禁。</translation>
    </message>
    <message>
        <source>%1 acted on %2 (%3).</source>
        <translation>%1 对 %2 执行了 %3。</translation>
    </message>
    <message>
        <source>%1 (away)</source>
        <translation>%1（离开）</translation>
    </message>
    <message>
        <source>%1 gave you a voice: you may speak when the room is moderated.</source>
        <translation>%1 给了你发言权：房间受控时你也可以发言。</translation>
    </message>
    <message>
        <source>%1 gave %2 a voice.</source>
        <translation>%1 给了 %2 发言权。</translation>
    </message>
    <message>
        <source>%1 took back your voice.</source>
        <translation>%1 收回了你的发言权。</translation>
    </message>
    <message>
        <source>%1 took back the voice of %2.</source>
        <translation>%1 收回了 %2 的发言权。</translation>
    </message>
    <message>
        <source>%1 turned the rule %2 on.</source>
        <translation>%1 开启了规则 %2。</translation>
    </message>
    <message>
        <source>%1 turned the rule %2 off.</source>
        <translation>%1 关闭了规则 %2。</translation>
    </message>
    <message>
        <source>%1 set the room&apos;s %2 to %3.</source>
        <translation>%1 把房间的 %2 设为 %3。</translation>
    </message>
    <message>
        <source>Nobody called %1 has left lately.</source>
        <translation>最近没有叫 %1 的人离开。</translation>
    </message>
    <message>
        <source>%1 (account %2)</source>
        <translation>%1（账号 %2）</translation>
    </message>
    <message>
        <source>%1 took the name %2 on %3.</source>
        <translation>%1 于 %3 改名为 %2。</translation>
    </message>
    <message>
        <source>%1 logged out on %2.</source>
        <translation>%1 于 %2 退出登录。</translation>
    </message>
    <message>
        <source>%1 lost the connection on %2.</source>
        <translation>%1 于 %2 断开了连接。</translation>
    </message>
    <message>
        <source>%1 was disconnected on %2.</source>
        <translation>%1 于 %2 被断开连接。</translation>
    </message>
    <message>
        <source>%1 left on %2.</source>
        <translation>%1 于 %2 离开。</translation>
    </message>
    <message>
        <source>%1 lets %2 into the room without an invitation.</source>
        <translation>%1 允许 %2 无需邀请进入房间。</translation>
    </message>
    <message>
        <source>%1 took back %2&apos;s entry without an invitation.</source>
        <translation>%1 收回了 %2 的免邀请进入许可。</translation>
    </message>
    <message numerus="yes">
        <source>%1 banned you from the room for %n second(s).</source>
        <translation>
            <numerusform>%1 将你封禁出房间 %n 秒。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 banned %2 from the room for %n second(s).</source>
        <translation>
            <numerusform>%1 将 %2 封禁出房间 %n 秒。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Reason: %2</source>
        <translation>%1 原因：%2</translation>
    </message>
    <message>
        <source>%1 invited you into the room.</source>
        <translation>%1 邀请你进入房间。</translation>
    </message>
    <message>
        <source>%1 invited %2 into the room.</source>
        <translation>%1 邀请 %2 进入房间。</translation>
    </message>
    <message>
        <source>%1 closed the room.</source>
        <translation>%1 关闭了房间。</translation>
    </message>
    <message>
        <source>%1 closed the room: %2</source>
        <translation>%1 关闭了房间：%2</translation>
    </message>
    <message>
        <source>Nobody enters %1 without an invitation.</source>
        <translation>没有人可以无需邀请进入 %1。</translation>
    </message>
    <message>
        <source>Nobody is banned from %1.</source>
        <translation>%1 没有封禁任何人。</translation>
    </message>
    <message numerus="yes">
        <source>Let into %1 without an invitation (%n):</source>
        <translation>
            <numerusform>无需邀请即可进入 %1 的（%n）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Banned from %1 (%n):</source>
        <translation>
            <numerusform>%1 的封禁（%n）：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1，由 %2 设置</translation>
    </message>
    <message numerus="yes">
        <source>%1, by %2, %n second(s) left</source>
        <translation>
            <numerusform>%1，由 %2 设置，剩余 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Nothing was done in %1 yet.</source>
        <translation>%1 还没有任何管理操作。</translation>
    </message>
    <message numerus="yes">
        <source>Moderation in %1 (%n):</source>
        <translation>
            <numerusform>%1 的管理记录（%n）：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lets %2 into the room even when a ban catches them.</source>
        <translation>%1 允许 %2 即使被封禁也能进入房间。</translation>
    </message>
    <message>
        <source>%1 took back %2&apos;s exemption from the room&apos;s bans.</source>
        <translation>%1 收回了 %2 的封禁豁免。</translation>
    </message>
    <message>
        <source>The bans of %1 hold for everyone.</source>
        <translation>%1 的封禁对所有人都有效。</translation>
    </message>
    <message numerus="yes">
        <source>Let into %1 despite its bans (%n):</source>
        <translation>
            <numerusform>即使被封禁也可进入 %1 的（%n）：</numerusform>
        </translation>
    </message>
    <message>
        <source>You stepped down from running this room.</source>
        <translation>你已卸任，不再管理本聊天室。</translation>
    </message>
    <message>
        <source>%1 stepped down from running this room.</source>
        <translation>%1 已卸任，不再管理本聊天室。</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 在 %2</translation>
    </message>
    <message>
        <source>%1 (private)</source>
        <translation>%1（私聊）</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new message(s)</source>
        <translation>
            <numerusform>%1：%n 条新消息</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordHash</name>
    <message>
        <source>cannot read the password file %1: %2</source>
        <translation>无法读取密码文件 %1：%2</translation>
    </message>
    <message>
        <source>%1 does not hold a password hash (make one with --hash-password)</source>
        <translation>%1 中没有密码哈希（可用 --hash-password 生成）</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>&amp;Write to %1 privately</source>
        <translation>私聊 %1(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Kick…</source>
        <translation>请出(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Ban…</source>
        <translation>封禁(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Mute…</source>
        <translation>禁言(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Unmute</source>
        <translation>解除禁言(&amp;U)</translation>
    </message>
    <message>
        <source>Make &amp;operator</source>
        <translation>设为管理员(&amp;O)</translation>
    </message>
    <message>
        <source>Remove &amp;operator</source>
        <translation>取消管理员(&amp;O)</translation>
    </message>
    <message>
        <source>Give a &amp;voice</source>
        <translation>给予发言权(&amp;V)</translation>
    </message>
    <message>
        <source>Take back the &amp;voice</source>
        <translation>收回发言权(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Step down…</source>
        <translation>卸任(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Go to a conversation</source>
        <translation>转到会话</translation>
    </message>
    <message>
        <source>Name of a room or person</source>
        <translation>聊天室或人的名字</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>筛选会话</translation>
    </message>
    <message>
        <source>Matching conversations</source>
        <translation>符合的会话</translation>
    </message>
    <message>
        <source>↑↓ to choose, Enter to go, Esc to close</source>
        <translation>↑↓ 选择，Enter 转到，Esc 关闭</translation>
    </message>
    <message>
        <source>Join or create the room %1</source>
        <translation>加入或创建聊天室 %1</translation>
    </message>
</context>
<context>
    <name>RoomListModel</name>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>%1 (you are here)</source>
        <translation>%1（你在这里）</translation>
    </message>
    <message>
        <source>%1 (joined)</source>
        <translation>%1（已加入）</translation>
    </message>
</context>
<context>
    <name>RoomMasksDialog</name>
    <message>
        <source>Bans of %1</source>
        <translation>%1 的封禁</translation>
    </message>
    <message>
        <source>&amp;Banned</source>
        <translation>已封禁(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Let in without an invitation</source>
        <translation>免邀请进入(&amp;L)</translation>
    </message>
    <message>
        <source>Only the operators of %1 see and change its bans.</source>
        <translation>只有 %1 的管理员能查看和修改它的封禁。</translation>
    </message>
    <message>
        <source>a nickname, account:&lt;name&gt;, or an address or subnet (10.0.0.0/8)</source>
        <translation>昵称、account:&lt;名字&gt;，或地址、子网（10.0.0.0/8）</translation>
    </message>
    <message>
        <source>L&amp;et in</source>
        <translation>放行(&amp;E)</translation>
    </message>
    <message>
        <source>B&amp;an</source>
        <translation>封禁(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Take back</source>
        <translation>收回(&amp;T)</translation>
    </message>
    <message>
        <source>Li&amp;ft the ban</source>
        <translation>解除封禁(&amp;F)</translation>
    </message>
    <message>
        <source>While %1 is invite-only, people who match one of these masks enter it without an invitation.</source>
        <translation>%1 仅限邀请时，与其中某个掩码相符的人无需邀请即可进入。</translation>
    </message>
    <message>
        <source>People who match one of these masks cannot enter %1, nor say anything in it from outside.</source>
        <translation>与其中某个掩码相符的人不能进入 %1，也不能从外面在其中发言。</translation>
    </message>
    <message>
        <source>&amp;Mask:</source>
        <translation>掩码(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;How long:</source>
        <translation>时长(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>E&amp;xempt from the bans</source>
        <translation>免于封禁(&amp;X)</translation>
    </message>
    <message>
        <source>The bans of %1 do not hold for people who match one of these masks: they enter it and speak in it all the same. An invitation, the key and the limit still hold.</source>
        <translation>%1 的封禁对与其中某个掩码相符的人无效：他们照样可以进入并发言。邀请、口令和人数上限仍然有效。</translation>
    </message>
    <message>
        <source>&amp;Exempt</source>
        <translation>豁免(&amp;E)</translation>
    </message>
</context>
<context>
    <name>RoomSettingsDialog</name>
    <message>
        <source>Only people an operator &amp;invited</source>
        <translation>只允许管理员邀请的人(&amp;I)</translation>
    </message>
    <message>
        <source>Only &amp;registered nicknames</source>
        <translation>只允许已注册的昵称(&amp;R)</translation>
    </message>
    <message>
        <source>At most this many &amp;people:</source>
        <translation>最多人数(&amp;P)：</translation>
    </message>
    <message>
        <source>Only with this &amp;key:</source>
        <translation>需要此口令才能加入(&amp;K)：</translation>
    </message>
    <message>
        <source>Only those with a &amp;voice, operators and the owner</source>
        <translation>只有获得发言权的人、管理员和所有者(&amp;V)</translation>
    </message>
    <message>
        <source>Only operators and the owner change the &amp;topic</source>
        <translation>只有管理员和所有者能修改话题(&amp;T)</translation>
    </message>
    <message>
        <source>Rules of %1</source>
        <translation>%1 的规则</translation>
    </message>
    <message>
        <source>Most people</source>
        <translation>最多人数</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>one word, told to those you let in</source>
        <translation>一个词，告诉你允许加入的人</translation>
    </message>
    <message>
        <source>Who may join</source>
        <translation>谁可以加入</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Only the room&apos;s operators and owner may change its rules.</source>
        <translation>只有聊天室的管理员和所有者可以修改规则。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Type the key, or leave it off.</source>
        <translation>请输入口令，或者不设口令。</translation>
    </message>
    <message>
        <source>&quot;off&quot; cannot be a key: it turns the key off.</source>
        <translation>“off”不能作为口令：它表示取消口令。</translation>
    </message>
    <message>
        <source>Who may speak and set the topic</source>
        <translation>谁可以发言和修改话题</translation>
    </message>
    <message>
        <source>People &amp;outside the room may post to it too (for bots)</source>
        <translation>房间外的人也可以向它发消息（用于机器人）(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Secret: left out of the room list for those not in it</source>
        <translation>隐藏：不在房间里的人在房间列表中看不到它(&amp;S)</translation>
    </message>
</context>
<context>
    <name>RoomsDialog</name>
    <message>
        <source>&amp;Join</source>
        <translation>加入(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>name of a new room</source>
        <translation>新房间的名称</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>新房间</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Rooms on this server</source>
        <translation>本服务器的聊天室</translation>
    </message>
</context>
<context>
    <name>ServerOptions</name>
    <message>
        <source>A chat server for telnet, nc and the chat-client desktop program.</source>
        <translation>供 telnet、nc 和 chat-client 桌面程序使用的聊天服务器。</translation>
    </message>
    <message>
        <source>TCP port to listen on (0 picks a free one).</source>
        <translation>监听的 TCP 端口（0 表示自动选择空闲端口）。</translation>
    </message>
    <message>
        <source>Address to listen on (default: every IPv4 and IPv6 address).</source>
        <translation>监听的地址（默认：所有 IPv4 和 IPv6 地址）。</translation>
    </message>
    <message>
        <source>Longest line a client may send, in bytes.</source>
        <translation>客户端可发送的最长一行（字节）。</translation>
    </message>
    <message>
        <source>Lines a client may send at once before the rate applies.</source>
        <translation>在限速生效前，客户端一次可发送的行数。</translation>
    </message>
    <message>
        <source>Lines per second a client may send after the burst (0: no flood control).</source>
        <translation>突发之后客户端每秒可发送的行数（0：不限流）。</translation>
    </message>
    <message>
        <source>Delayed lines held for a client before it is disconnected.</source>
        <translation>断开客户端连接前，为其保留的延迟行数。</translation>
    </message>
    <message>
        <source>Delayed bytes held for a client before it is disconnected.</source>
        <translation>断开客户端连接前，为其保留的延迟字节数。</translation>
    </message>
    <message>
        <source>Unsent bytes held for a client that does not read before it is disconnected.</source>
        <translation>断开不读取数据的客户端之前，为其保留的未发送字节数。</translation>
    </message>
    <message>
        <source>Connections allowed from one address.</source>
        <translation>单个地址允许的连接数。</translation>
    </message>
    <message>
        <source>Connections allowed in all.</source>
        <translation>允许的连接总数。</translation>
    </message>
    <message>
        <source>Seconds a connection may take to log in.</source>
        <translation>连接必须在多少秒内完成登录。</translation>
    </message>
    <message>
        <source>Seconds of silence after which a tagged client is pinged.</source>
        <translation>tagged 客户端静默多少秒后发送 ping。</translation>
    </message>
    <message>
        <source>Seconds a pinged client has to answer.</source>
        <translation>收到 ping 的客户端必须在多少秒内回应。</translation>
    </message>
    <message>
        <source>Connections the kernel queues before the server accepts them.</source>
        <translation>服务器接受之前内核可排队的连接数。</translation>
    </message>
    <message>
        <source>TCP port of the TLS listener (with --tls-cert and --tls-key).</source>
        <translation>TLS 监听的 TCP 端口（需配合 --tls-cert 和 --tls-key）。</translation>
    </message>
    <message>
        <source>Seconds a TLS handshake may take.</source>
        <translation>TLS 握手允许的秒数。</translation>
    </message>
    <message>
        <source>Default: %1.</source>
        <translation>默认值：%1。</translation>
    </message>
    <message>
        <source>No per-address connection limit for 127.0.0.1 and ::1.</source>
        <translation>对 127.0.0.1 和 ::1 不限制单地址连接数。</translation>
    </message>
    <message>
        <source>PEM certificate (chain) for the TLS listener.</source>
        <translation>TLS 监听使用的 PEM 证书（链）。</translation>
    </message>
    <message>
        <source>PEM private key for the TLS listener.</source>
        <translation>TLS 监听使用的 PEM 私钥。</translation>
    </message>
    <message>
        <source>File with the server password&apos;s hash (make one with --hash-password); nobody logs in without the password.</source>
        <translation>存放服务器密码哈希的文件（可用 --hash-password 生成）；没有密码任何人都无法登录。</translation>
    </message>
    <message>
        <source>Read a password from standard input, print the line for --password-file, and exit.</source>
        <translation>从标准输入读取密码，输出用于 --password-file 的一行，然后退出。</translation>
    </message>
    <message>
        <source>Members beyond which a room no longer announces arrivals and departures and lists only this many names.</source>
        <translation>房间成员超过此数后，不再通告进出，用户列表也只列出这么多个名字。</translation>
    </message>
    <message>
        <source>Rooms one person may be in at once.</source>
        <translation>一个人可同时所在的房间数。</translation>
    </message>
    <message>
        <source>Earlier lines of a room shown to whoever enters it (0: none).</source>
        <translation>进入房间时显示的早先消息行数（0：不显示）。</translation>
    </message>
    <message>
        <source>Seconds a dropped person&apos;s name and rooms are held for a resume (0: none).</source>
        <translation>连接断开后，为恢复保留昵称和房间的秒数（0：不保留）。</translation>
    </message>
    <message>
        <source>Lines per room a resume replays at most (the newest).</source>
        <translation>恢复时每个房间最多重放的行数（取最新的）。</translation>
    </message>
    <message>
        <source>Days lines are kept (0: for ever).</source>
        <translation>消息保留的天数（0：永久）。</translation>
    </message>
    <message>
        <source>Lines kept per room, the newest (0: no limit).</source>
        <translation>每个房间保留的最新消息行数（0：不限）。</translation>
    </message>
    <message>
        <source>Largest size of the database file in MiB; writes beyond it are refused (0: no limit).</source>
        <translation>数据库文件的最大大小（MiB）；超出后拒绝写入（0：不限）。</translation>
    </message>
    <message>
        <source>full: every line survives a power cut; normal: it survives the server being killed, a power cut may lose the last ones. Default: full.</source>
        <translation>full：每一行都能在断电后保留；normal：服务器被杀死后仍保留，断电可能丢失最后几行。默认：full。</translation>
    </message>
    <message>
        <source>chat-server configuration. One &quot;key = value&quot; per line; the keys are the long options of chat-server --help, and an option given on the command line wins over this file. Lines starting with # are comments. &quot;chat-server --print-config&quot; prints the settings in effect in this format; SIGHUP (systemctl reload chat-server) reads the file again.</source>
        <translation>chat-server 配置文件。每行一个“键 = 值”；键就是 chat-server --help 中的长选项名，命令行上给出的选项优先于本文件。以 # 开头的行是注释。“chat-server --print-config”以这种格式打印当前生效的设置；SIGHUP（systemctl reload chat-server）会重新读取本文件。</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 到 %2</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>an IP address</source>
        <translation>一个 IP 地址</translation>
    </message>
    <message>
        <source>Server name shown in the greeting (default: this machine&apos;s name).</source>
        <translation>欢迎语中显示的服务器名称（默认：本机的名称）。</translation>
    </message>
    <message>
        <source>Folder of the database (default: ~/.local/share/chat-server, or $XDG_DATA_HOME/chat-server when that is set).</source>
        <translation>数据库所在的文件夹（默认：~/.local/share/chat-server；若设置了 $XDG_DATA_HOME，则为 $XDG_DATA_HOME/chat-server）。</translation>
    </message>
    <message>
        <source>Serve Prometheus metrics (/metrics) and health checks (/healthz, /readyz) over HTTP on this port, of loopback unless an address is given (default: off).</source>
        <translation>在此端口上通过 HTTP 提供 Prometheus 指标（/metrics）和健康检查（/healthz、/readyz）；除非给出地址，否则只监听本机回环地址（默认：关闭）。</translation>
    </message>
    <message>
        <source>a port, or address:port</source>
        <translation>一个端口，或 地址:端口</translation>
    </message>
    <message>
        <source>A reload applies it at once.</source>
        <translation>重新加载后立即生效。</translation>
    </message>
    <message>
        <source>A reload applies it to new connections.</source>
        <translation>重新加载后对新连接生效。</translation>
    </message>
    <message>
        <source>Changing it needs a restart.</source>
        <translation>修改后需要重启才能生效。</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;</source>
        <translation>未知的键“%1”</translation>
    </message>
    <message>
        <source>invalid %1 (%2): &quot;%3&quot;</source>
        <translation>%1 无效（%2）：“%3”</translation>
    </message>
    <message>
        <source>Read settings from this file (default: %1 when it exists); options given here win.</source>
        <translation>从此文件读取设置（默认：%1，如果存在）；命令行上给出的选项优先。</translation>
    </message>
    <message>
        <source>Print the settings in effect as a configuration file, and exit.</source>
        <translation>以配置文件的格式打印当前生效的设置，然后退出。</translation>
    </message>
    <message>
        <source>Invalid --%1 (%2): %3</source>
        <translation>--%1 无效（%2）：%3</translation>
    </message>
    <message>
        <source>tls-cert and tls-key go together.</source>
        <translation>tls-cert 和 tls-key 必须同时使用。</translation>
    </message>
    <message>
        <source>Rooms the server holds at most, the hall included.</source>
        <translation>服务器最多容纳的房间数（包括大厅）。</translation>
    </message>
    <message>
        <source>Rooms one person may create in a minute (0: no limit).</source>
        <translation>每人每分钟最多可创建的房间数（0：不限）。</translation>
    </message>
    <message>
        <source>Seconds an empty room (not the hall) is kept before it goes, with its history (0: kept for ever).</source>
        <translation>空房间（大厅除外）在连同其历史被删除之前保留的秒数（0：永久保留）。</translation>
    </message>
    <message>
        <source>Rooms or people per page of list and who.</source>
        <translation>list 和 who 每页列出的房间数或人数。</translation>
    </message>
    <message>
        <source>Registered nicknames, comma-separated, whose owners may do in every room what its owner may, and act on owners too.</source>
        <translation>已注册的昵称，以逗号分隔：其主人在每个房间里都能做房主能做的事，也能对房主采取措施。</translation>
    </message>
    <message>
        <source>TCP port of the IRC listener, for IRC clients (0 turns it off).</source>
        <translation>IRC 监听器的 TCP 端口，供 IRC 客户端使用（0 表示关闭）。</translation>
    </message>
    <message>
        <source>TCP port of the IRC listener over TLS, when --tls-cert and --tls-key are given (0 turns it off).</source>
        <translation>TLS 上的 IRC 监听器的 TCP 端口，在给出 --tls-cert 和 --tls-key 时使用（0 表示关闭）。</translation>
    </message>
    <message>
        <source>TCP port of the web front end: the browser client&apos;s page and its WebSocket (0 turns it off).</source>
        <translation>Web 前端的 TCP 端口：浏览器客户端的网页及其 WebSocket（0 表示关闭）。</translation>
    </message>
    <message>
        <source>Origins (scheme://host:port), comma-separated, whose pages may open the web front end&apos;s WebSocket (default: only the page&apos;s own origin).</source>
        <translation>允许其网页打开 Web 前端 WebSocket 的来源（scheme://host:port），以逗号分隔（默认：仅限网页自身的来源）。</translation>
    </message>
    <message>
        <source>Where history is kept: sqlite (a file in the data folder), memory (forgotten when the server stops) or a PostgreSQL database, postgresql://user:password@host:port/dbname. Default: sqlite.</source>
        <translation>历史保存在哪里：sqlite（数据文件夹中的一个文件）、memory（服务器停止后丢失）或 PostgreSQL 数据库 postgresql://user:password@host:port/dbname。默认：sqlite。</translation>
    </message>
    <message>
        <source>sqlite, memory or postgresql://user:password@host:port/dbname</source>
        <translation>sqlite、memory 或 postgresql://user:password@host:port/dbname</translation>
    </message>
    <message>
        <source>Makes this server a node of a cluster: the Redis server that the nodes share, redis://host:port (they also need one PostgreSQL --database). Default: none, a server on its own.</source>
        <translation>让本服务器成为集群的一个节点：各节点共用的 Redis 服务器，redis://host:port（各节点还需共用一个 PostgreSQL --database）。默认：无，即独立运行的服务器。</translation>
    </message>
    <message>
        <source>redis://host:port</source>
        <translation>redis://host:port</translation>
    </message>
    <message>
        <source>This node&apos;s name in its cluster, the same across its restarts (default: this machine&apos;s name and the port).</source>
        <translation>本节点在集群中的名字，重启前后须保持不变（默认：本机名加端口）。</translation>
    </message>
    <message>
        <source>Load balancers (addresses or subnets such as 10.0.0.0/24, comma-separated) whose connections start with a PROXY protocol header, version 1 or 2 (HAProxy&apos;s send-proxy or send-proxy-v2), naming the person&apos;s real address; a connection from them without one is closed. Default: none.</source>
        <translation>负载均衡器（地址或子网，如 10.0.0.0/24，以逗号分隔）：它们的连接以 PROXY 协议头（第 1 或第 2 版，即 HAProxy 的 send-proxy 或 send-proxy-v2）开头，写明对方的真实地址；来自它们却没有该协议头的连接会被关闭。默认：无。</translation>
    </message>
    <message>
        <source>addresses or subnets such as 10.0.0.0/8, comma-separated</source>
        <translation>地址或子网，如 10.0.0.0/8，以逗号分隔</translation>
    </message>
    <message>
        <source>Milliseconds a load balancer&apos;s connection has to send its PROXY header.</source>
        <translation>负载均衡器的连接发送 PROXY 协议头允许的毫秒数。</translation>
    </message>
    <message>
        <source>hall: IRC clients start in #hall, as everyone does; none: in no channel, as on other IRC servers. Default: hall.</source>
        <translation>hall：IRC 客户端和所有人一样从 #hall 开始；none：和其他 IRC 服务器一样不在任何频道。默认：hall。</translation>
    </message>
    <message>
        <source>Departures (people who left or changed their nickname) that whowas remembers in all (0: none).</source>
        <translation>whowas 总共记住的离开记录（离开或改了昵称的人）条数（0：不记录）。</translation>
    </message>
    <message>
        <source>Departures of one nickname that whowas remembers.</source>
        <translation>whowas 对同一个昵称记住的离开记录条数。</translation>
    </message>
    <message>
        <source>A line about this server that IRC clients show beside its name (LINKS, WHOIS), e.g. &quot;Physics class chat&quot;.</source>
        <translation>IRC 客户端在服务器名称旁显示的一行介绍（LINKS、WHOIS），例如“物理课聊天”。</translation>
    </message>
    <message>
        <source>Shortest password an account may have, in characters (passwords set before keep working).</source>
        <translation>账户密码的最短长度（字符数；之前设置的密码仍然有效）。</translation>
    </message>
    <message>
        <source>Seconds a long reply may wait for a client that reads nothing before it is disconnected.</source>
        <translation>长回复（历史记录、列表）等待一个什么都不读取的客户端的秒数，超过后断开其连接。</translation>
    </message>
    <message>
        <source>Masks each of a room&apos;s lists may hold: its bans, those let in without an invitation, those its bans do not keep out.</source>
        <translation>房间每个名单最多可容纳的掩码数：封禁名单、免邀请进入名单、免于封禁名单。</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>The server at %1 refused the connection. Is the chat server running, and is the port right?</source>
        <translation>%1 上的服务器拒绝了连接。聊天服务器是否在运行？端口是否正确？</translation>
    </message>
    <message>
        <source>Cannot find the server %1. Check the spelling of the address.</source>
        <translation>找不到服务器 %1。请检查地址是否拼写正确。</translation>
    </message>
    <message>
        <source>The server at %1 did not answer within %2 seconds.</source>
        <translation>%1 上的服务器在 %2 秒内没有应答。</translation>
    </message>
    <message>
        <source>Someone is already using the nickname &quot;%1&quot;. Please choose another one.</source>
        <translation>昵称“%1”已被他人使用，请换一个。</translation>
    </message>
    <message>
        <source>The nickname &quot;%1&quot; is not allowed. Use up to 24 letters, digits, &quot;_&quot; or &quot;-&quot;, starting with a letter, a digit or &quot;_&quot;.</source>
        <translation>不允许使用昵称“%1”。昵称最多 24 个字符，可用字母、数字、“_”或“-”，并以字母、数字或“_”开头。</translation>
    </message>
    <message>
        <source>The server did not let you log in.</source>
        <translation>服务器不允许你登录。</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>服务器关闭了连接。</translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation>服务器正在关闭。</translation>
    </message>
    <message>
        <source>The network connection to %1 failed.</source>
        <translation>与 %1 的网络连接失败。</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>已连接到 %1，昵称 %2</translation>
    </message>
    <message>
        <source>Connection lost; waiting to reconnect to %1</source>
        <translation>连接已断开；等待重新连接 %1</translation>
    </message>
    <message>
        <source>Reconnecting to %1…</source>
        <translation>正在重新连接 %1…</translation>
    </message>
    <message>
        <source>The server reported error %1.</source>
        <translation>服务器报告了错误 %1。</translation>
    </message>
    <message>
        <source>No certificate authority vouches for the certificate of %1. Not connected.</source>
        <translation>没有任何证书颁发机构为 %1 的证书担保。未连接。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since you trusted it for %1. This could be an attack: someone may be pretending to be the server. If the server&apos;s owner changed it, remove the remembered certificate and log in again.</source>
        <translation>自从你信任 %1 的证书以来，服务器的证书已经改变。这可能是攻击：有人可能在冒充这台服务器。如果是服务器管理者更换了证书，请删除记住的证书后重新登录。</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed. Does the server use TLS on this port?</source>
        <translation>与 %1 的安全连接失败。服务器在这个端口上使用 TLS 吗？</translation>
    </message>
    <message>
        <source>Wrong server password.</source>
        <translation>服务器密码错误。</translation>
    </message>
    <message>
        <source>This server needs a password.</source>
        <translation>这台服务器需要密码。</translation>
    </message>
    <message>
        <source>🔒 TLS: connected securely to %1 as %2</source>
        <translation>🔒 TLS：已安全连接到 %1，昵称 %2</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has expired.</source>
        <translation>服务器的证书已过期。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not valid yet (check this computer&apos;s clock).</source>
        <translation>服务器的证书尚未生效（请检查这台电脑的时钟）。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is for another host name.</source>
        <translation>服务器的证书属于另一个主机名。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has been revoked.</source>
        <translation>服务器的证书已被吊销。</translation>
    </message>
    <message>
        <source>No certificate authority vouches for the server&apos;s certificate.</source>
        <translation>没有任何证书颁发机构为服务器的证书担保。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>与 %1 的连接已断开。</translation>
    </message>
    <message>
        <source>The nickname &quot;%1&quot; is registered. If it is yours, enter its password and log in again; otherwise, please choose another nickname.</source>
        <translation>昵称“%1”已被注册。如果这是你的昵称，请输入密码后再次登录；否则请换一个昵称。</translation>
    </message>
    <message>
        <source>Wrong password for &quot;%1&quot;. Check it and try again. After wrong passwords the server waits longer before answering (up to half a minute), to stop guessing.</source>
        <translation>“%1”的密码不对。请检查后重试。输错密码后，服务器会等待更久才回答（最长半分钟），以防有人猜密码。</translation>
    </message>
    <message>
        <source>Nobody has registered the nickname &quot;%1&quot;: leave the password empty to log in with it. Once in, Account → Register this name… keeps it yours.</source>
        <translation>昵称“%1”还没有人注册：密码留空即可用它登录。登录后，用“账号 → 注册这个昵称…”就能把它留给自己。</translation>
    </message>
    <message>
        <source>You are banned from %1: its operators keep you out of it.</source>
        <translation>你被 %1 封禁了：该聊天室的管理员不让你进入。</translation>
    </message>
    <message>
        <source>%1 is open only to people its operators invite.</source>
        <translation>%1 只对管理员邀请的人开放。</translation>
    </message>
    <message>
        <source>%1 is only for registered nicknames: register yours (Account → Register this name…) to enter it.</source>
        <translation>%1 只允许已注册的昵称进入：请先注册你的昵称（账号 → 注册这个昵称…）。</translation>
    </message>
    <message>
        <source>You may not do that in %1: it takes the room&apos;s operators (or its owner), and nobody acts on someone who stands as high as they do.</source>
        <translation>你不能在 %1 中这样做：这需要聊天室管理员（或所有者）的权限，而且谁都不能对与自己同级或更高的人这样做。</translation>
    </message>
    <message>
        <source>%1 is not in the room.</source>
        <translation>%1 不在这个聊天室里。</translation>
    </message>
    <message>
        <source>Your nickname is not registered.</source>
        <translation>你的昵称还没有注册。</translation>
    </message>
    <message>
        <source>A password must be one word (no spaces) of at least %1 characters.</source>
        <translation>密码必须是一个词（不含空格），至少 %1 个字符。</translation>
    </message>
    <message>
        <source>Wrong password. After wrong passwords the server waits longer before answering; too many close the connection.</source>
        <translation>密码不对。输错密码后服务器会等待更久才回答；错得太多会断开连接。</translation>
    </message>
    <message>
        <source>The nickname %1 is already registered.</source>
        <translation>昵称 %1 已经注册过了。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: the server closed the connection. Wait a moment before trying again; each wrong password makes the server answer more slowly.</source>
        <translation>输错密码的次数太多：服务器断开了连接。请稍等片刻再试；每输错一次，服务器的回答都会更慢。</translation>
    </message>
    <message>
        <source>You may not speak in %1: you are muted there (until an operator unmutes you or the time is up), or the room is moderated and nobody gave you a voice. You may still read.</source>
        <translation>你不能在 %1 发言：你在那里被禁言（直到管理员解除或时间到），或该房间受控而没有人给你发言权。你仍可阅读。</translation>
    </message>
</context>
<context>
    <name>StepDownQuestion</name>
    <message>
        <source>Step down</source>
        <translation>卸任</translation>
    </message>
    <message>
        <source>Step down from running %1?</source>
        <translation>要卸任，不再管理 %1 吗？</translation>
    </message>
    <message>
        <source>You will no longer run %1: you will be a member like the others. The room will have no owner, and you cannot take it back.</source>
        <translation>你将不再管理 %1：你会和其他人一样成为普通成员。这个聊天室将不再有房主，而且你无法再收回房主身份。</translation>
    </message>
    <message>
        <source>You will no longer run %1: you will be a member like the others, until its owner or a server administrator makes you an operator again.</source>
        <translation>你将不再管理 %1：你会和其他人一样成为普通成员，直到房主或服务器管理员再次让你成为管理员。</translation>
    </message>
    <message>
        <source>&amp;Step down</source>
        <translation>卸任(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TextRenderer</name>
    <message numerus="yes">
        <source>Users in %1 (%n):</source>
        <translation>
            <numerusform>%1 里的用户（%n）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Users online (%n):</source>
        <translation>
            <numerusform>在线用户（%n）：</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 in %2</source>
        <translation>  %1 在 %2</translation>
    </message>
    <message numerus="yes">
        <source>Rooms (%n):</source>
        <translation>
            <numerusform>房间（%n）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %1 (%n users)</source>
        <translation>
            <numerusform>  %1（%n 人）</numerusform>
        </translation>
    </message>
    <message>
        <source>Commands (a leading / is optional; plain text is said to the room):</source>
        <translation>命令（开头的 / 可省略；普通文字会发到房间里）：</translation>
    </message>
    <message>
        <source>Your settings:</source>
        <translation>你的设置：</translation>
    </message>
    <message>
        <source>* You have left %1.</source>
        <translation>* 你离开了 %1。</translation>
    </message>
    <message>
        <source>* %1 has left the chat.</source>
        <translation>* %1 离开了聊天。</translation>
    </message>
    <message>
        <source>* %1 lost the connection.</source>
        <translation>* %1 断开了连接。</translation>
    </message>
    <message>
        <source>* %1 has left: the server is shutting down.</source>
        <translation>* %1 已离开：服务器正在关闭。</translation>
    </message>
    <message>
        <source>* %1 has left the room.</source>
        <translation>* %1 离开了房间。</translation>
    </message>
    <message>
        <source>Goodbye!</source>
        <translation>再见！</translation>
    </message>
    <message>
        <source>The server is shutting down. Goodbye!</source>
        <translation>服务器正在关闭。再见！</translation>
    </message>
    <message>
        <source>Disconnected by the server: %1</source>
        <translation>服务器断开了连接：%1</translation>
    </message>
    <message>
        <source>You are logged in as %1.</source>
        <translation>你已登录为 %1。</translation>
    </message>
    <message>
        <source>Setting %1 is now %2.</source>
        <translation>设置 %1 现在为 %2。</translation>
    </message>
    <message>
        <source>OK: %1</source>
        <translation>完成：%1</translation>
    </message>
    <message>
        <source>Welcome to %1! Log in with: login &lt;nick&gt;    (help lists the commands)</source>
        <translation>欢迎来到 %1！登录方法：login &lt;昵称&gt;    （help 可列出所有命令）</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>* You have entered %1.</source>
        <translation>* 你进入了 %1。</translation>
    </message>
    <message>
        <source>* %1 has entered the room.</source>
        <translation>* %1 进入了房间。</translation>
    </message>
    <message>
        <source>* You are now known as %1.</source>
        <translation>* 你现在的昵称是 %1。</translation>
    </message>
    <message>
        <source>* %1 is now known as %2.</source>
        <translation>* %1 现在的昵称是 %2。</translation>
    </message>
    <message>
        <source>No topic is set in %1.</source>
        <translation>%1 还没有设置话题。</translation>
    </message>
    <message>
        <source>Topic of %1: %2 (set by %3)</source>
        <translation>%1 的话题：%2（由 %3 设置）</translation>
    </message>
    <message>
        <source>* %1 cleared the topic.</source>
        <translation>* %1 清除了话题。</translation>
    </message>
    <message>
        <source>* %1 changed the topic to: %2</source>
        <translation>* %1 将话题改为：%2</translation>
    </message>
    <message>
        <source>Ping %1</source>
        <translation>Ping %1</translation>
    </message>
    <message>
        <source>Pong %1</source>
        <translation>Pong %1</translation>
    </message>
    <message>
        <source>You sent too many lines too fast; disconnected.</source>
        <translation>你发送得太多太快，已断开连接。</translation>
    </message>
    <message>
        <source>You did not log in in time; disconnected.</source>
        <translation>你没有及时登录，已断开连接。</translation>
    </message>
    <message>
        <source>No answer to ping; disconnected.</source>
        <translation>ping 没有回应，已断开连接。</translation>
    </message>
    <message>
        <source>Too many wrong passwords; disconnected.</source>
        <translation>密码错误次数太多，已断开连接。</translation>
    </message>
    <message>
        <source>Password accepted: now log in with login &lt;nick&gt;.</source>
        <translation>密码正确：现在用 login &lt;昵称&gt; 登录。</translation>
    </message>
    <message>
        <source>* %1 have entered the room.</source>
        <translation>* %1 进入了房间。</translation>
    </message>
    <message numerus="yes">
        <source>* %1 and %n others have entered the room.</source>
        <translation>
            <numerusform>* %1 和另外 %n 人进入了房间。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Users in %1 (%n, the first %2 listed):</source>
        <translation>
            <numerusform>%1 里的用户（%n，列出前 %2 个）：</numerusform>
        </translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <source>  %1 (in no room)</source>
        <translation>  %1（不在任何房间）</translation>
    </message>
    <message>
        <source>You came back on another connection; this one is closed.</source>
        <translation>你已经从另一个连接回来了；这个连接已关闭。</translation>
    </message>
    <message>
        <source>Too many wrong resume tokens; disconnected.</source>
        <translation>错误的恢复令牌太多，已断开连接。</translation>
    </message>
    <message numerus="yes">
        <source>--- %n earlier messages, since %1 ---</source>
        <translation>
            <numerusform>--- %n 条更早的消息，自 %1 起 ---</numerusform>
        </translation>
    </message>
    <message>
        <source>private</source>
        <translation>私信</translation>
    </message>
    <message>
        <source>--- nothing new in %1 ---</source>
        <translation>--- %1 没有新消息 ---</translation>
    </message>
    <message numerus="yes">
        <source>--- %n messages in %1 while you were away, since %2 ---</source>
        <translation>
            <numerusform>--- 你离开期间 %1 有 %n 条消息，自 %2 起 ---</numerusform>
        </translation>
    </message>
    <message>
        <source>--- no messages in %1 ---</source>
        <translation>--- %1 没有消息 ---</translation>
    </message>
    <message numerus="yes">
        <source>--- %n messages in %1, since %2 ---</source>
        <translation>
            <numerusform>--- %1 的 %n 条消息，自 %2 起 ---</numerusform>
        </translation>
    </message>
    <message>
        <source>--- now ---</source>
        <translation>--- 现在 ---</translation>
    </message>
    <message>
        <source>--- older: history %1 before %2 ---</source>
        <translation>--- 更早的：history %1 before %2 ---</translation>
    </message>
    <message>
        <source>--- newer: history %1 after %2 ---</source>
        <translation>--- 更新的：history %1 after %2 ---</translation>
    </message>
    <message>
        <source>--- end of history ---</source>
        <translation>--- 历史结束 ---</translation>
    </message>
    <message>
        <source>* %1 is back.</source>
        <translation>* %1 回来了。</translation>
    </message>
    <message>
        <source>* %1 lost the connection; their place is kept for a while.</source>
        <translation>* %1 断开了连接；暂时为其保留位置。</translation>
    </message>
    <message>
        <source>Welcome back, %1.</source>
        <translation>欢迎回来，%1。</translation>
    </message>
    <message>
        <source>You are now talking in %1.</source>
        <translation>你现在在 %1 说话。</translation>
    </message>
    <message>
        <source>If your connection drops, connect again within %1 seconds and type: resume %2</source>
        <translation>如果连接断开，请在 %1 秒内重新连接并输入：resume %2</translation>
    </message>
    <message numerus="yes">
        <source>Rooms matching %1 (%n):</source>
        <translation>
            <numerusform>匹配 %1 的房间（%n）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Users online matching %1 (%n):</source>
        <translation>
            <numerusform>匹配 %1 的在线用户（%n）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rooms (%n), page %1:</source>
        <translation>
            <numerusform>房间（%n），第 %1 页：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Users online (%n), page %1:</source>
        <translation>
            <numerusform>在线用户（%n），第 %1 页：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rooms matching %1 (%n), page %2:</source>
        <translation>
            <numerusform>匹配 %1 的房间（%n），第 %2 页：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Users online matching %1 (%n), page %2:</source>
        <translation>
            <numerusform>匹配 %1 的在线用户（%n），第 %2 页：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>--- %n more: %1 ---</source>
        <translation>
            <numerusform>--- 还有 %n 个：%1 ---</numerusform>
        </translation>
    </message>
    <message>
        <source>The nickname %1 is registered: from now on, log in with login %1 &lt;password&gt;.</source>
        <translation>昵称 %1 已注册：今后请用 login %1 &lt;密码&gt; 登录。</translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation>你的密码已修改。</translation>
    </message>
    <message>
        <source>The nickname %1 is no longer registered.</source>
        <translation>昵称 %1 已不再是注册昵称。</translation>
    </message>
    <message>
        <source>* %1 made %2 an operator.</source>
        <translation>* %1 让 %2 成为了管理员。</translation>
    </message>
    <message>
        <source>* %1 took operator rights from %2.</source>
        <translation>* %1 收回了 %2 的管理员权限。</translation>
    </message>
    <message>
        <source>* %1 kicked %2 out of the room.</source>
        <translation>* %1 把 %2 请出了房间。</translation>
    </message>
    <message>
        <source>* %1 kicked %2 out of the room: %3</source>
        <translation>* %1 把 %2 请出了房间：%3</translation>
    </message>
    <message>
        <source>* %1 muted %2.</source>
        <translation>* %1 禁言了 %2。</translation>
    </message>
    <message>
        <source>* %1 muted %2 for %3 seconds.</source>
        <translation>* %1 禁言了 %2 %3 秒。</translation>
    </message>
    <message>
        <source>* %1 let %2 speak again.</source>
        <translation>* %1 解除了 %2 的禁言。</translation>
    </message>
    <message>
        <source>away</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>禁言中</translation>
    </message>
    <message>
        <source>Nobody is banned from %1.</source>
        <translation>%1 没有封禁任何人。</translation>
    </message>
    <message numerus="yes">
        <source>Bans in %1 (%n):</source>
        <translation>
            <numerusform>%1 的封禁（%n）：</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 (by %2)</source>
        <translation>  %1（由 %2 设置）</translation>
    </message>
    <message numerus="yes">
        <source>  %1 (by %2, %n seconds left)</source>
        <translation>
            <numerusform>  %1（由 %2 设置，还剩 %n 秒）</numerusform>
        </translation>
    </message>
    <message>
        <source>Rules of %1: %2</source>
        <translation>%1 的规则：%2</translation>
    </message>
    <message>
        <source>* %1 was banned from the room.</source>
        <translation>* %1 被禁止进入房间。</translation>
    </message>
    <message>
        <source>* %1 has left: the room was closed.</source>
        <translation>* %1 已离开：房间已关闭。</translation>
    </message>
    <message>
        <source>* %1 banned %2 from the room.</source>
        <translation>* %1 禁止 %2 进入房间。</translation>
    </message>
    <message>
        <source>* %1 banned %2 from the room for %3 seconds.</source>
        <translation>* %1 禁止 %2 进入房间 %3 秒。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>* %1 lifted the ban on %2.</source>
        <translation>* %1 解除了对 %2 的封禁。</translation>
    </message>
    <message>
        <source>* %1 invited %2 into the room.</source>
        <translation>* %1 邀请 %2 进入房间。</translation>
    </message>
    <message>
        <source>* %1 closed the room.</source>
        <translation>* %1 关闭了房间。</translation>
    </message>
    <message>
        <source>* %1 closed the room: %2</source>
        <translation>* %1 关闭了房间：%2</translation>
    </message>
    <message>
        <source>* %1 turned the rule %2 on.</source>
        <translation>* %1 打开了规则 %2。</translation>
    </message>
    <message>
        <source>* %1 turned the rule %2 off.</source>
        <translation>* %1 关闭了规则 %2。</translation>
    </message>
    <message>
        <source>You are marked as away.</source>
        <translation>你已标记为离开。</translation>
    </message>
    <message>
        <source>You are marked as away: %1</source>
        <translation>你已标记为离开：%1</translation>
    </message>
    <message>
        <source>You are no longer marked as away.</source>
        <translation>你已不再标记为离开。</translation>
    </message>
    <message>
        <source>%1 is away.</source>
        <translation>%1 暂时离开。</translation>
    </message>
    <message>
        <source>%1 is away: %2</source>
        <translation>%1 暂时离开：%2</translation>
    </message>
    <message>
        <source>*** Notice from %1: %2</source>
        <translation>*** 来自 %1 的通知：%2</translation>
    </message>
    <message>
        <source>Nothing was done in %1 yet.</source>
        <translation>%1 还没有任何管理操作。</translation>
    </message>
    <message numerus="yes">
        <source>Moderation in %1 (%n):</source>
        <translation>
            <numerusform>%1 的管理记录（%n）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was said then.</source>
        <translation>那段时间没有人说话。</translation>
    </message>
    <message>
        <source>  %1, last at %2</source>
        <translation>  %1，最后一条在 %2</translation>
    </message>
    <message numerus="yes">
        <source>Conversations (%n):</source>
        <translation>
            <numerusform>对话（%n）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone on another node of this cluster took your name while this node was cut off from it; log in again.</source>
        <translation>在本节点与集群断开期间，集群中另一个节点上的人用了你的昵称；请重新登录。</translation>
    </message>
    <message>
        <source>* %1 has left the chat: %2</source>
        <translation>* %1 离开了聊天：%2</translation>
    </message>
    <message>
        <source>* %1 has left the room: %2</source>
        <translation>* %1 离开了房间：%2</translation>
    </message>
    <message>
        <source>* %1 set the room&apos;s %2 to %3.</source>
        <translation>* %1 把房间的 %2 设为 %3。</translation>
    </message>
    <message>
        <source>voice</source>
        <translation>可发言</translation>
    </message>
    <message>
        <source>* %1 gave %2 a voice in the room.</source>
        <translation>* %1 给了 %2 在房间里的发言权。</translation>
    </message>
    <message>
        <source>* %1 took back %2&apos;s voice.</source>
        <translation>* %1 收回了 %2 的发言权。</translation>
    </message>
    <message>
        <source>Nobody called %1 has left lately.</source>
        <translation>最近没有叫 %1 的人离开。</translation>
    </message>
    <message>
        <source>%1 (account %2)</source>
        <translation>%1（账号 %2）</translation>
    </message>
    <message>
        <source>%1 left at %2.</source>
        <translation>%1 于 %2 离开。</translation>
    </message>
    <message>
        <source>%1 took the name %3 at %2.</source>
        <translation>%1 于 %2 改名为 %3。</translation>
    </message>
    <message>
        <source>%1 logged out at %2.</source>
        <translation>%1 于 %2 退出登录。</translation>
    </message>
    <message>
        <source>%1 lost the connection at %2.</source>
        <translation>%1 于 %2 断开了连接。</translation>
    </message>
    <message>
        <source>%1 was disconnected at %2.</source>
        <translation>%1 于 %2 被断开连接。</translation>
    </message>
    <message>
        <source>You now act as the server&apos;s administrator %1, under your nickname.</source>
        <translation>你现在以自己的昵称行使服务器管理员 %1 的权限。</translation>
    </message>
    <message>
        <source>*** To the administrators from %1: %2</source>
        <translation>*** %1 对管理员说：%2</translation>
    </message>
    <message>
        <source>Nobody enters %1 without an invitation.</source>
        <translation>没有人可以无需邀请进入 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Enter %1 without an invitation (%n):</source>
        <translation>
            <numerusform>无需邀请即可进入 %1 的（%n）：</numerusform>
        </translation>
    </message>
    <message>
        <source>* %1 lets %2 into the room without an invitation.</source>
        <translation>* %1 允许 %2 无需邀请进入房间。</translation>
    </message>
    <message>
        <source>* %1 took back %2&apos;s entry without an invitation.</source>
        <translation>* %1 收回了 %2 的免邀请进入许可。</translation>
    </message>
    <message>
        <source>--- older: history %1 messages before %2 ---</source>
        <translation>--- 更早的：history %1 messages before %2 ---</translation>
    </message>
    <message>
        <source>--- newer: history %1 messages after %2 ---</source>
        <translation>--- 更新的：history %1 messages after %2 ---</translation>
    </message>
    <message>
        <source>The bans of %1 hold for everyone.</source>
        <translation>%1 的封禁对所有人都有效。</translation>
    </message>
    <message numerus="yes">
        <source>Let into %1 despite its bans (%n):</source>
        <translation>
            <numerusform>即使被封禁也可进入 %1 的（%n）：</numerusform>
        </translation>
    </message>
    <message>
        <source>* %1 lets %2 into the room even when a ban catches them.</source>
        <translation>* %1 允许 %2 即使被封禁也能进入房间。</translation>
    </message>
    <message>
        <source>* %1 took back %2&apos;s exemption from the room&apos;s bans.</source>
        <translation>* %1 收回了 %2 的封禁豁免。</translation>
    </message>
    <message>
        <source>* %1 stepped down from running the room.</source>
        <translation>* %1 已卸任，不再管理这个房间。</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message numerus="yes">
        <source>Chat: %n unread message(s)</source>
        <translation>
            <numerusform>聊天：%n 条未读消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
</context>
<context>
    <name>UserListModel</name>
    <message>
        <source>owner of this room</source>
        <translation>本聊天室的所有者</translation>
    </message>
    <message>
        <source>operator of this room</source>
        <translation>本聊天室的管理员</translation>
    </message>
    <message>
        <source>muted: may read, not speak</source>
        <translation>已禁言：可以看，不能说</translation>
    </message>
    <message>
        <source>away</source>
        <translation>暂时离开</translation>
    </message>
    <message>
        <source>connection dropped, place kept for a while</source>
        <translation>连接已断开，位置暂时保留</translation>
    </message>
    <message>
        <source>server administrator</source>
        <translation>服务器管理员</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 (away)</source>
        <translation>%1（离开）</translation>
    </message>
    <message>
        <source>has a voice: may speak when the room is moderated</source>
        <translation>有发言权：房间受控时也可发言</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>chat-server listening on %1 port %2</source>
        <translation>chat-server 正在 %1 的端口 %2 上监听</translation>
    </message>
    <message>
        <source>all addresses</source>
        <translation>所有地址</translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>标准输入中没有密码</translation>
    </message>
    <message>
        <source>chat-server listening for TLS on %1 port %2</source>
        <translation>chat-server 正在 %1 的端口 %2 上监听 TLS</translation>
    </message>
    <message>
        <source>chat-server metrics on %1 port %2</source>
        <translation>chat-server 在 %1 的端口 %2 上提供指标</translation>
    </message>
    <message>
        <source>chat-server listening for IRC on %1 port %2</source>
        <translation>chat-server 正在 %1 的端口 %2 上监听 IRC</translation>
    </message>
    <message>
        <source>chat-server listening for IRC over TLS on %1 port %2</source>
        <translation>chat-server 正在 %1 的端口 %2 上监听 TLS 上的 IRC</translation>
    </message>
    <message>
        <source>chat-server listening for browsers on %1 port %2</source>
        <translation>chat-server 正在 %1 的端口 %2 上监听浏览器</translation>
    </message>
</context>
</TS>
