<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Register %1</source>
        <translation>Register %1</translation>
    </message>
    <message>
        <source>Register the nickname %1: from now on only you can use it, with this password. Nobody else can take it while you are away.</source>
        <translation>Register the nickname %1: from now on only you can use it, with this password. Nobody else can take it while you are away.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repeat it:</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>Change the password of %1</source>
        <translation>Change the password of %1</translation>
    </message>
    <message>
        <source>Change the password of your registered nickname %1.</source>
        <translation>Change the password of your registered nickname %1.</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>&amp;Change</translation>
    </message>
    <message>
        <source>Unregister %1</source>
        <translation>Unregister %1</translation>
    </message>
    <message>
        <source>Give up the nickname %1: anyone may use it afterwards, and the rooms it owns forget it. Enter its password to confirm.</source>
        <translation>Give up the nickname %1: anyone may use it afterwards, and the rooms it owns forget it. Enter its password to confirm.</translation>
    </message>
    <message>
        <source>&amp;Unregister</source>
        <translation>&amp;Unregister</translation>
    </message>
    <message numerus="yes">
        <source>one word, at least %n character(s)</source>
        <translation>
            <numerusform>one word, at least %n character</numerusform>
            <numerusform>one word, at least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The nickname %1 is registered: from now on, log in with its password.</source>
        <translation>The nickname %1 is registered: from now on, log in with its password.</translation>
    </message>
    <message>
        <source>The password is changed: log in with the new one from now on.</source>
        <translation>The password is changed: log in with the new one from now on.</translation>
    </message>
    <message>
        <source>The nickname %1 is no longer registered: anyone may use it.</source>
        <translation>The nickname %1 is no longer registered: anyone may use it.</translation>
    </message>
    <message>
        <source>Enter the current password.</source>
        <translation>Enter the current password.</translation>
    </message>
    <message>
        <source>A password is one word: no spaces.</source>
        <translation>A password is one word: no spaces.</translation>
    </message>
    <message numerus="yes">
        <source>The password is too short: use at least %n character(s).</source>
        <translation>
            <numerusform>The password is too short: use at least %n character.</numerusform>
            <numerusform>The password is too short: use at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords differ: type the same one twice.</source>
        <translation>The two passwords differ: type the same one twice.</translation>
    </message>
    <message>
        <source>Not connected: try again once the connection is back.</source>
        <translation>Not connected: try again once the connection is back.</translation>
    </message>
</context>
<context>
    <name>CertificateQuestion</name>
    <message>
        <source>Unknown certificate</source>
        <translation>Unknown certificate</translation>
    </message>
    <message>
        <source>Trust this certificate for %1?</source>
        <translation>Trust this certificate for %1?</translation>
    </message>
    <message>
        <source>No certificate authority vouches for this server&apos;s certificate: it is self-signed or its issuer is unknown. Trust it only if its fingerprint is the one the server&apos;s owner gave you.&lt;br&gt;&lt;br&gt;&lt;b&gt;Subject:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;SHA-256 fingerprint:&lt;/b&gt;&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;</source>
        <translation>No certificate authority vouches for this server&apos;s certificate: it is self-signed or its issuer is unknown. Trust it only if its fingerprint is the one the server&apos;s owner gave you.&lt;br&gt;&lt;br&gt;&lt;b&gt;Subject:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;SHA-256 fingerprint:&lt;/b&gt;&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>&amp;Trust</translation>
    </message>
    <message>
        <source>&amp;Do not connect</source>
        <translation>&amp;Do not connect</translation>
    </message>
</context>
<context>
    <name>ChatClient</name>
    <message>
        <source>Language of the windows: %1.</source>
        <translation>Language of the windows: %1.</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use one of: %2.</source>
        <translation>Unknown language &quot;%1&quot;; use one of: %2.</translation>
    </message>
</context>
<context>
    <name>ChatServer</name>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>cannot listen on %1 port %2: %3</translation>
    </message>
    <message>
        <source>TLS is not available: no TLS backend</source>
        <translation>TLS is not available: no TLS backend</translation>
    </message>
    <message>
        <source>cannot read a PEM certificate from %1</source>
        <translation>cannot read a PEM certificate from %1</translation>
    </message>
    <message>
        <source>cannot read a PEM private key from %1</source>
        <translation>cannot read a PEM private key from %1</translation>
    </message>
    <message>
        <source>cannot store the room %1: %2</source>
        <translation>cannot store the room %1: %2</translation>
    </message>
    <message>
        <source>(the IRC listener: --irc-port picks another port, 0 turns it off)</source>
        <translation>(the IRC listener: --irc-port picks another port, 0 turns it off)</translation>
    </message>
    <message>
        <source>(the IRC listener over TLS: --irc-tls-port picks another port, 0 turns it off)</source>
        <translation>(the IRC listener over TLS: --irc-tls-port picks another port, 0 turns it off)</translation>
    </message>
    <message>
        <source>(the web front end: --web-port picks another port, 0 turns it off)</source>
        <translation>(the web front end: --web-port picks another port, 0 turns it off)</translation>
    </message>
    <message>
        <source>the nodes of a cluster share one PostgreSQL database: give --database postgresql://user:password@host:port/dbname with --cluster</source>
        <translation>the nodes of a cluster share one PostgreSQL database: give --database postgresql://user:password@host:port/dbname with --cluster</translation>
    </message>
    <message>
        <source>cannot join the cluster %1: %2</source>
        <translation>cannot join the cluster %1: %2</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>Reconnected.</source>
        <translation>Reconnected.</translation>
    </message>
    <message>
        <source>You are now in %1.</source>
        <translation>You are now in %1.</translation>
    </message>
    <message>
        <source>You left %1 and are now in %2.</source>
        <translation>You left %1 and are now in %2.</translation>
    </message>
    <message>
        <source>%1 joined.</source>
        <translation>%1 joined.</translation>
    </message>
    <message>
        <source>%1 lost the connection; their place is kept for a while.</source>
        <translation>%1 lost the connection; their place is kept for a while.</translation>
    </message>
    <message>
        <source>%1 is back.</source>
        <translation>%1 is back.</translation>
    </message>
    <message>
        <source>%1 is now known as %2.</source>
        <translation>%1 is now known as %2.</translation>
    </message>
    <message>
        <source>The client needs tagged mode, so it does not send that setting.</source>
        <translation>The client needs tagged mode, so it does not send that setting.</translation>
    </message>
    <message>
        <source>Pong %1</source>
        <translation>Pong %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier messages</source>
        <translation>
            <numerusform>%n earlier message</numerusform>
            <numerusform>%n earlier messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread messages</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Actions (/me) go to rooms; here, just write.</source>
        <translation>Actions (/me) go to rooms; here, just write.</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message>
        <source>Notice from %1: %2</source>
        <translation>Notice from %1: %2</translation>
    </message>
    <message>
        <source>%1 is away: %2</source>
        <translation>%1 is away: %2</translation>
    </message>
    <message>
        <source>To %1: %2</source>
        <translation>To %1: %2</translation>
    </message>
    <message>
        <source>To %1: * %2 %3</source>
        <translation>To %1: * %2 %3</translation>
    </message>
    <message>
        <source>In %1: %2</source>
        <translation>In %1: %2</translation>
    </message>
    <message>
        <source>To %1: -%2- %3</source>
        <translation>To %1: -%2- %3</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>Type a message, or /help for commands</source>
        <translation>Type a message, or /help for commands</translation>
    </message>
    <message>
        <source>(no topic)</source>
        <translation>(no topic)</translation>
    </message>
    <message>
        <source>%1 in %2 — %3</source>
        <translation>%1 in %2 — %3</translation>
    </message>
    <message>
        <source>(%1) %2</source>
        <translation>(%1) %2</translation>
    </message>
    <message numerus="yes">
        <source>%n people in %1</source>
        <translation>
            <numerusform>%n person in %1</numerusform>
            <numerusform>%n people in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>Connection lost: %1</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost: %1 Reconnecting in %n second(s)…</source>
        <translation>
            <numerusform>Connection lost: %1 Reconnecting in %n second…</numerusform>
            <numerusform>Connection lost: %1 Reconnecting in %n seconds…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (TLS)</source>
        <translation>%1 (TLS)</translation>
    </message>
    <message numerus="yes">
        <source>%n people in %1 (%2 listed)</source>
        <translation>
            <numerusform>%n person in %1 (%2 listed)</numerusform>
            <numerusform>%n people in %1 (%2 listed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tried %n time(s); the last try failed: %1</source>
        <translation>
            <numerusform>Tried %n time; that try failed: %1</numerusform>
            <numerusform>Tried %n times; the last try failed: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;People</translation>
    </message>
    <message>
        <source>Show or hide the conversations (Ctrl+Shift+L)</source>
        <translation>Show or hide the conversations (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Show or hide who is here (Ctrl+Shift+P)</source>
        <translation>Show or hide who is here (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>People here</source>
        <translation>People here</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>&amp;Go to…</translation>
    </message>
    <message>
        <source>&amp;Join or create a room…</source>
        <translation>&amp;Join or create a room…</translation>
    </message>
    <message>
        <source>&amp;Leave or close this conversation</source>
        <translation>&amp;Leave or close this conversation</translation>
    </message>
    <message>
        <source>Jump to the first &amp;unread line</source>
        <translation>Jump to the first &amp;unread line</translation>
    </message>
    <message>
        <source>&amp;Mute notifications of this conversation</source>
        <translation>&amp;Mute notifications of this conversation</translation>
    </message>
    <message>
        <source>Log out and &amp;quit</source>
        <translation>Log out and &amp;quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Conversations</source>
        <translation>&amp;Conversations</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Follow the &amp;system</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <source>&amp;Bigger text</source>
        <translation>&amp;Bigger text</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>&amp;Normal text size</translation>
    </message>
    <message>
        <source>@%1</source>
        <translation>@%1</translation>
    </message>
    <message>
        <source>no room</source>
        <translation>no room</translation>
    </message>
    <message>
        <source>Not in any room</source>
        <translation>Not in any room</translation>
    </message>
    <message>
        <source>Private conversation with %1</source>
        <translation>Private conversation with %1</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>&amp;Register this name…</source>
        <translation>&amp;Register this name…</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>&amp;Change password…</translation>
    </message>
    <message>
        <source>&amp;Unregister…</source>
        <translation>&amp;Unregister…</translation>
    </message>
    <message>
        <source>&amp;Rules of this room…</source>
        <translation>&amp;Rules of this room…</translation>
    </message>
    <message>
        <source>&amp;Bans of this room…</source>
        <translation>&amp;Bans of this room…</translation>
    </message>
</context>
<context>
    <name>CommandTable</name>
    <message>
        <source>Leave the server.</source>
        <translation>Leave the server.</translation>
    </message>
    <message>
        <source>Say something to the room (plain text does the same).</source>
        <translation>Say something to the room (plain text does the same).</translation>
    </message>
    <message>
        <source>Describe an action, shown as &quot;* nick waves&quot;.</source>
        <translation>Describe an action, shown as &quot;* nick waves&quot;.</translation>
    </message>
    <message>
        <source>Show who is in this room.</source>
        <translation>Show who is in this room.</translation>
    </message>
    <message>
        <source>Create a room and enter it.</source>
        <translation>Create a room and enter it.</translation>
    </message>
    <message>
        <source>Send a private message that only that person sees.</source>
        <translation>Send a private message that only that person sees.</translation>
    </message>
    <message>
        <source>Change your nickname.</source>
        <translation>Change your nickname.</translation>
    </message>
    <message>
        <source>Show the room&apos;s topic, or set it.</source>
        <translation>Show the room&apos;s topic, or set it.</translation>
    </message>
    <message>
        <source>List the commands, or explain one.</source>
        <translation>List the commands, or explain one.</translation>
    </message>
    <message>
        <source>Check that the server answers; it replies pong.</source>
        <translation>Check that the server answers; it replies pong.</translation>
    </message>
    <message>
        <source>Answer the server&apos;s ping.</source>
        <translation>Answer the server&apos;s ping.</translation>
    </message>
    <message>
        <source>Give the server&apos;s password before logging in, where one is set.</source>
        <translation>Give the server&apos;s password before logging in, where one is set.</translation>
    </message>
    <message>
        <source>Enter a room (with rooms one, leaving the one you are in).</source>
        <translation>Enter a room (with rooms one, leaving the one you are in).</translation>
    </message>
    <message>
        <source>Leave a room, or the one you are talking in.</source>
        <translation>Leave a room, or the one you are talking in.</translation>
    </message>
    <message>
        <source>Talk in another of the rooms you are in.</source>
        <translation>Talk in another of the rooms you are in.</translation>
    </message>
    <message>
        <source>Show earlier messages of a room, or of your private messages with someone.</source>
        <translation>Show earlier messages of a room, or of your private messages with someone.</translation>
    </message>
    <message>
        <source>Come back after a dropped connection, with what you missed.</source>
        <translation>Come back after a dropped connection, with what you missed.</translation>
    </message>
    <message>
        <source>Show your settings, or change one: time on|off, tagged on|off, lang en|zh_CN, rooms one|many, invisible on|off.</source>
        <translation>Show your settings, or change one: time on|off, tagged on|off, lang en|zh_CN, rooms one|many, invisible on|off.</translation>
    </message>
    <message>
        <source>Show everyone logged in and the rooms each is in, a page at a time (/who ali: the names with ali in them).</source>
        <translation>Show everyone logged in and the rooms each is in, a page at a time (/who ali: the names with ali in them).</translation>
    </message>
    <message>
        <source>Show the rooms with their member counts and topics, a page at a time (/list gam*: the names starting with gam).</source>
        <translation>Show the rooms with their member counts and topics, a page at a time (/list gam*: the names starting with gam).</translation>
    </message>
    <message>
        <source>Log in with a nickname, and its password if it is registered.</source>
        <translation>Log in with a nickname, and its password if it is registered.</translation>
    </message>
    <message>
        <source>Register your nickname, so that only you can use it.</source>
        <translation>Register your nickname, so that only you can use it.</translation>
    </message>
    <message>
        <source>Give the password of the registered nickname you tried to log in with.</source>
        <translation>Give the password of the registered nickname you tried to log in with.</translation>
    </message>
    <message>
        <source>Change the password of your registered nickname.</source>
        <translation>Change the password of your registered nickname.</translation>
    </message>
    <message>
        <source>Give up your registered nickname.</source>
        <translation>Give up your registered nickname.</translation>
    </message>
    <message>
        <source>Make someone an operator of the room (its owner only).</source>
        <translation>Make someone an operator of the room (its owner only).</translation>
    </message>
    <message>
        <source>Take someone&apos;s operator rights in the room (its owner only).</source>
        <translation>Take someone&apos;s operator rights in the room (its owner only).</translation>
    </message>
    <message>
        <source>Put someone out of the room (operators).</source>
        <translation>Put someone out of the room (operators).</translation>
    </message>
    <message>
        <source>Let someone read but not speak in the room, for a while or until unmuted (operators).</source>
        <translation>Let someone read but not speak in the room, for a while or until unmuted (operators).</translation>
    </message>
    <message>
        <source>Let a muted person speak again (operators).</source>
        <translation>Let a muted person speak again (operators).</translation>
    </message>
    <message>
        <source>Keep a nick, account:&lt;name&gt; or address out of the room, for a while (30s, 10m, 2h, 7d) or for good (operators).</source>
        <translation>Keep a nick, account:&lt;name&gt; or address out of the room, for a while (30s, 10m, 2h, 7d) or for good (operators).</translation>
    </message>
    <message>
        <source>Lift a ban (operators).</source>
        <translation>Lift a ban (operators).</translation>
    </message>
    <message>
        <source>Show who is banned from the room (operators).</source>
        <translation>Show who is banned from the room (operators).</translation>
    </message>
    <message>
        <source>Let someone into an invite-only room, once (operators).</source>
        <translation>Let someone into an invite-only room, once (operators).</translation>
    </message>
    <message>
        <source>Say that you are away; private messages get your text back.</source>
        <translation>Say that you are away; private messages get your text back.</translation>
    </message>
    <message>
        <source>Say that you are back.</source>
        <translation>Say that you are back.</translation>
    </message>
    <message>
        <source>Tell everyone on the server something (administrators).</source>
        <translation>Tell everyone on the server something (administrators).</translation>
    </message>
    <message>
        <source>Close someone&apos;s connections (administrators).</source>
        <translation>Close someone&apos;s connections (administrators).</translation>
    </message>
    <message>
        <source>Close a room: everyone leaves and it is removed (administrators).</source>
        <translation>Close a room: everyone leaves and it is removed (administrators).</translation>
    </message>
    <message>
        <source>Show the room&apos;s latest moderation acts: who did what to whom, when and why (operators).</source>
        <translation>Show the room&apos;s latest moderation acts: who did what to whom, when and why (operators).</translation>
    </message>
    <message>
        <source>List your rooms and private conversations with messages between two times, from the first time toward the second.</source>
        <translation>List your rooms and private conversations with messages between two times, from the first time toward the second.</translation>
    </message>
    <message>
        <source>Let someone speak in a moderated room (operators).</source>
        <translation>Let someone speak in a moderated room (operators).</translation>
    </message>
    <message>
        <source>Take back someone&apos;s voice in a moderated room (operators).</source>
        <translation>Take back someone&apos;s voice in a moderated room (operators).</translation>
    </message>
    <message>
        <source>Show who last went by a nickname: when they left or took another name, newest first.</source>
        <translation>Show who last went by a nickname: when they left or took another name, newest first.</translation>
    </message>
    <message>
        <source>Act as a server administrator under any nickname, with an administrator&apos;s account and its password.</source>
        <translation>Act as a server administrator under any nickname, with an administrator&apos;s account and its password.</translation>
    </message>
    <message>
        <source>Tell the server&apos;s other administrators something, and nobody else (administrators).</source>
        <translation>Tell the server&apos;s other administrators something, and nobody else (administrators).</translation>
    </message>
    <message>
        <source>Let a nick, account:&lt;name&gt; or address into the room without an invitation while it is invite-only (operators).</source>
        <translation>Let a nick, account:&lt;name&gt; or address into the room without an invitation while it is invite-only (operators).</translation>
    </message>
    <message>
        <source>Take back an allow: the mask needs an invitation again (operators).</source>
        <translation>Take back an allow: the mask needs an invitation again (operators).</translation>
    </message>
    <message>
        <source>Show who enters the room without an invitation (operators).</source>
        <translation>Show who enters the room without an invitation (operators).</translation>
    </message>
    <message>
        <source>Send a note to the room, or to one person with @nick: a line nobody answers automatically, as bots write (IRC&apos;s NOTICE).</source>
        <translation>Send a note to the room, or to one person with @nick: a line nobody answers automatically, as bots write (IRC&apos;s NOTICE).</translation>
    </message>
    <message>
        <source>Send an IRC client&apos;s tags alone (typing, a reaction) to a room or one person; IRC clients show them.</source>
        <translation>Send an IRC client&apos;s tags alone (typing, a reaction) to a room or one person; IRC clients show them.</translation>
    </message>
    <message>
        <source>Turn rules of the room on or off, or give it a limit of people or a key to join with (operators).</source>
        <translation>Turn rules of the room on or off, or give it a limit of people or a key to join with (operators).</translation>
    </message>
    <message>
        <source>Let a nick, account:&lt;name&gt; or address into the room even when a ban catches it (operators).</source>
        <translation>Let a nick, account:&lt;name&gt; or address into the room even when a ban catches it (operators).</translation>
    </message>
    <message>
        <source>Take back an exemption: the room&apos;s bans hold for the mask again (operators).</source>
        <translation>Take back an exemption: the room&apos;s bans hold for the mask again (operators).</translation>
    </message>
    <message>
        <source>Show who the room&apos;s bans do not keep out (operators).</source>
        <translation>Show who the room&apos;s bans do not keep out (operators).</translation>
    </message>
</context>
<context>
    <name>ConfigFile</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 1 MiB</source>
        <translation>%1 is larger than 1 MiB</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text</source>
        <translation>%1 is not UTF-8 text</translation>
    </message>
    <message>
        <source>%1:%2: expected &quot;key = value&quot;, not &quot;%3&quot;</source>
        <translation>%1:%2: expected &quot;key = value&quot;, not &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1:%2: %3 is already set on line %4</source>
        <translation>%1:%2: %3 is already set on line %4</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>Private conversations</source>
        <translation>Private conversations</translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message>
        <source>room %1</source>
        <translation>room %1</translation>
    </message>
    <message>
        <source>%1, private</source>
        <translation>%1, private</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentioning you</source>
        <translation>
            <numerusform>%n mentioning you</numerusform>
            <numerusform>%n mentioning you</numerusform>
        </translation>
    </message>
    <message>
        <source>muted</source>
        <translation>muted</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <source>&amp;Join or create a room…</source>
        <translation>&amp;Join or create a room…</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Join a room of this server, or create one (Ctrl+J)</source>
        <translation>Join a room of this server, or create one (Ctrl+J)</translation>
    </message>
    <message>
        <source>&amp;Leave %1</source>
        <translation>&amp;Leave %1</translation>
    </message>
    <message>
        <source>&amp;Close the conversation with %1</source>
        <translation>&amp;Close the conversation with %1</translation>
    </message>
    <message>
        <source>&amp;Mute notifications</source>
        <translation>&amp;Mute notifications</translation>
    </message>
</context>
<context>
    <name>Event</name>
    <message>
        <source>That line is not valid UTF-8 text.</source>
        <translation>That line is not valid UTF-8 text.</translation>
    </message>
    <message>
        <source>Control characters are not allowed in text.</source>
        <translation>Control characters are not allowed in text.</translation>
    </message>
    <message>
        <source>Invalid label: use 1-32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Invalid label: use 1-32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</translation>
    </message>
    <message>
        <source>No one called %1 is logged in.</source>
        <translation>No one called %1 is logged in.</translation>
    </message>
    <message>
        <source>There is no room called %1 (list shows the rooms).</source>
        <translation>There is no room called %1 (list shows the rooms).</translation>
    </message>
    <message>
        <source>The room %1 already exists: use join %1.</source>
        <translation>The room %1 already exists: use join %1.</translation>
    </message>
    <message>
        <source>There is no text to send.</source>
        <translation>There is no text to send.</translation>
    </message>
    <message>
        <source>That line is too long (the limit is %1 bytes); it was dropped.</source>
        <translation>That line is too long (the limit is %1 bytes); it was dropped.</translation>
    </message>
    <message>
        <source>Unknown command: %1 (help lists the commands).</source>
        <translation>Unknown command: %1 (help lists the commands).</translation>
    </message>
    <message>
        <source>The nickname %1 is already taken.</source>
        <translation>The nickname %1 is already taken.</translation>
    </message>
    <message>
        <source>You are already in %1.</source>
        <translation>You are already in %1.</translation>
    </message>
    <message>
        <source>Log in first: login &lt;nick&gt;</source>
        <translation>Log in first: login &lt;nick&gt;</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Usage: %1</translation>
    </message>
    <message>
        <source>You are already logged in as %1.</source>
        <translation>You are already logged in as %1.</translation>
    </message>
    <message>
        <source>That topic is too long (the limit is %1 characters).</source>
        <translation>That topic is too long (the limit is %1 characters).</translation>
    </message>
    <message>
        <source>Error %1.</source>
        <translation>Error %1.</translation>
    </message>
    <message>
        <source>This is a chat server: connect with telnet, nc or chat-client.</source>
        <translation>This is a chat server: connect with telnet, nc or chat-client.</translation>
    </message>
    <message>
        <source>Too many connections from your address (the limit is %1); try again later.</source>
        <translation>Too many connections from your address (the limit is %1); try again later.</translation>
    </message>
    <message>
        <source>This server needs a password: pass &lt;password&gt;, then login &lt;nick&gt;.</source>
        <translation>This server needs a password: pass &lt;password&gt;, then login &lt;nick&gt;.</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <source>The server is full (%1 connections); try again later.</source>
        <translation>The server is full (%1 connections); try again later.</translation>
    </message>
    <message>
        <source>At most %1 lines per history request.</source>
        <translation>At most %1 lines per history request.</translation>
    </message>
    <message>
        <source>You are in no room: join one (list shows the rooms).</source>
        <translation>You are in no room: join one (list shows the rooms).</translation>
    </message>
    <message>
        <source>You are not in %1: join it first.</source>
        <translation>You are not in %1: join it first.</translation>
    </message>
    <message>
        <source>You are in too many rooms (the limit is %1): leave one first.</source>
        <translation>You are in too many rooms (the limit is %1): leave one first.</translation>
    </message>
    <message>
        <source>That resume token is wrong or has expired: log in with login &lt;nick&gt;.</source>
        <translation>That resume token is wrong or has expired: log in with login &lt;nick&gt;.</translation>
    </message>
    <message>
        <source>The server&apos;s storage is full: your message was not sent.</source>
        <translation>The server&apos;s storage is full: your message was not sent.</translation>
    </message>
    <message>
        <source>The server could not store your message: it was not sent.</source>
        <translation>The server could not store your message: it was not sent.</translation>
    </message>
    <message>
        <source>You are creating rooms too fast: try again in %1 seconds.</source>
        <translation>You are creating rooms too fast: try again in %1 seconds.</translation>
    </message>
    <message>
        <source>The server has as many rooms as it may (%1): join one of them instead.</source>
        <translation>The server has as many rooms as it may (%1): join one of them instead.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid nickname: use up to %2 letters of one script, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</source>
        <translation>&quot;%1&quot; is not a valid nickname: use up to %2 letters of one script, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid room name: use up to %2 letters of one script, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</source>
        <translation>&quot;%1&quot; is not a valid room name: use up to %2 letters of one script, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</translation>
    </message>
    <message>
        <source>There is no registered nickname to identify for: log in with login &lt;nick&gt; first.</source>
        <translation>There is no registered nickname to identify for: log in with login &lt;nick&gt; first.</translation>
    </message>
    <message>
        <source>The nickname %1 is not registered.</source>
        <translation>The nickname %1 is not registered.</translation>
    </message>
    <message>
        <source>A password is one word of %1 to %2 characters, without spaces.</source>
        <translation>A password is one word of %1 to %2 characters, without spaces.</translation>
    </message>
    <message>
        <source>The nickname %1 is registered: type identify &lt;password&gt; to log in with it, or log in with another nickname.</source>
        <translation>The nickname %1 is registered: type identify &lt;password&gt; to log in with it, or log in with another nickname.</translation>
    </message>
    <message>
        <source>Wrong password for %1.</source>
        <translation>Wrong password for %1.</translation>
    </message>
    <message>
        <source>The nickname %1 is already registered.</source>
        <translation>The nickname %1 is already registered.</translation>
    </message>
    <message>
        <source>%1 is not in that room.</source>
        <translation>%1 is not in that room.</translation>
    </message>
    <message>
        <source>You may not do that in %1: it takes the room&apos;s operators or owner.</source>
        <translation>You may not do that in %1: it takes the room&apos;s operators or owner.</translation>
    </message>
    <message>
        <source>%1 is invite-only: an operator must invite you first.</source>
        <translation>%1 is invite-only: an operator must invite you first.</translation>
    </message>
    <message>
        <source>You are banned from %1.</source>
        <translation>You are banned from %1.</translation>
    </message>
    <message>
        <source>Only registered people may enter %1: register or identify first.</source>
        <translation>Only registered people may enter %1: register or identify first.</translation>
    </message>
    <message>
        <source>Only the server&apos;s administrators may use %1.</source>
        <translation>Only the server&apos;s administrators may use %1.</translation>
    </message>
    <message>
        <source>This server has lost touch with the rest of its cluster and takes no new names until it is back; try again in a moment.</source>
        <translation>This server has lost touch with the rest of its cluster and takes no new names until it is back; try again in a moment.</translation>
    </message>
    <message>
        <source>%1 is full: its operators set a limit of people.</source>
        <translation>%1 is full: its operators set a limit of people.</translation>
    </message>
    <message>
        <source>%1 takes a key: join %1 &lt;key&gt;.</source>
        <translation>%1 takes a key: join %1 &lt;key&gt;.</translation>
    </message>
    <message>
        <source>A room&apos;s key is one word of up to %1 letters, digits or signs (not &quot;off&quot;), or off.</source>
        <translation>A room&apos;s key is one word of up to %1 letters, digits or signs (not &quot;off&quot;), or off.</translation>
    </message>
    <message>
        <source>A room&apos;s limit is a number of people from 1 to %1, or off.</source>
        <translation>A room&apos;s limit is a number of people from 1 to %1, or off.</translation>
    </message>
    <message>
        <source>You may not speak in %1: you are muted there, or it is moderated and nobody gave you a voice. You may read.</source>
        <translation>You may not speak in %1: you are muted there, or it is moderated and nobody gave you a voice. You may read.</translation>
    </message>
    <message>
        <source>%1 is already in the room.</source>
        <translation>%1 is already in the room.</translation>
    </message>
    <message>
        <source>The room&apos;s list is full (%1 masks): take one off first.</source>
        <translation>The room&apos;s list is full (%1 masks): take one off first.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mask: give a nickname, account:&lt;name&gt;, or an address or subnet (10.0.0.0/8).</source>
        <translation>&quot;%1&quot; is not a mask: give a nickname, account:&lt;name&gt;, or an address or subnet (10.0.0.0/8).</translation>
    </message>
</context>
<context>
    <name>FreedesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Log in to chat</source>
        <translation>Log in to chat</translation>
    </message>
    <message>
        <source>for example alice</source>
        <translation>for example alice</translation>
    </message>
    <message>
        <source>Welcome! Choose a server and a nickname.</source>
        <translation>Welcome! Choose a server and a nickname.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Nickname:</source>
        <translation>&amp;Nickname:</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address, for example localhost:5005 or [::1]:5005.</source>
        <translation>Enter the server&apos;s host name or address, for example localhost:5005 or [::1]:5005.</translation>
    </message>
    <message>
        <source>The port after the colon must be a number from 1 to 65535.</source>
        <translation>The port after the colon must be a number from 1 to 65535.</translation>
    </message>
    <message>
        <source>Enter the nickname others will see you as.</source>
        <translation>Enter the nickname others will see you as.</translation>
    </message>
    <message>
        <source>Secure connection (&amp;TLS)</source>
        <translation>Secure connection (&amp;TLS)</translation>
    </message>
    <message>
        <source>&amp;Forget the remembered certificate</source>
        <translation>&amp;Forget the remembered certificate</translation>
    </message>
    <message>
        <source>only if the server asks for one</source>
        <translation>only if the server asks for one</translation>
    </message>
    <message>
        <source>Server &amp;password:</source>
        <translation>Server &amp;password:</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Not connected.</translation>
    </message>
    <message>
        <source>The certificate remembered for %1 is forgotten. When you log in, you will be asked about the new one.</source>
        <translation>The certificate remembered for %1 is forgotten. When you log in, you will be asked about the new one.</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>only if you registered this nickname</source>
        <translation>only if you registered this nickname</translation>
    </message>
    <message>
        <source>The password of a registered nickname. It is sent once, when you log in, and never saved on this computer.</source>
        <translation>The password of a registered nickname. It is sent once, when you log in, and never saved on this computer.</translation>
    </message>
    <message>
        <source>Pass&amp;word of %1:</source>
        <translation>Pass&amp;word of %1:</translation>
    </message>
    <message>
        <source>Checking the password: after wrong passwords the server answers more slowly, up to half a minute.</source>
        <translation>Checking the password: after wrong passwords the server answers more slowly, up to half a minute.</translation>
    </message>
</context>
<context>
    <name>MaskListModel</name>
    <message>
        <source>For good</source>
        <translation>For good</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Mask</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Set by</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
</context>
<context>
    <name>MessageModel</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>%1 cleared the topic.</source>
        <translation>%1 cleared the topic.</translation>
    </message>
    <message>
        <source>%1 set the topic: %2</source>
        <translation>%1 set the topic: %2</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message numerus="yes">
        <source>%n new message(s) below ↓</source>
        <translation>
            <numerusform>%n new message below ↓</numerusform>
            <numerusform>%n new messages below ↓</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Copy &amp;link address</source>
        <translation>Copy &amp;link address</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Select &amp;all</translation>
    </message>
</context>
<context>
    <name>MetricsServer</name>
    <message>
        <source>cannot serve metrics on %1 port %2: %3</source>
        <translation>cannot serve metrics on %1 port %2: %3</translation>
    </message>
</context>
<context>
    <name>ModerationDialog</name>
    <message>
        <source>For good</source>
        <translation>For good</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 days</translation>
    </message>
    <message>
        <source>Until unmuted</source>
        <translation>Until unmuted</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 minutes</translation>
    </message>
    <message>
        <source>&amp;How long:</source>
        <translation>&amp;How long:</translation>
    </message>
    <message>
        <source>optional; everyone in the room sees it</source>
        <translation>optional; everyone in the room sees it</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Kick %1</source>
        <translation>Kick %1</translation>
    </message>
    <message>
        <source>Put %1 out of %2. They may come back in.</source>
        <translation>Put %1 out of %2. They may come back in.</translation>
    </message>
    <message>
        <source>&amp;Kick</source>
        <translation>&amp;Kick</translation>
    </message>
    <message>
        <source>Ban %1</source>
        <translation>Ban %1</translation>
    </message>
    <message>
        <source>Put %1 out of %2 and keep them out, for a while or for good.</source>
        <translation>Put %1 out of %2 and keep them out, for a while or for good.</translation>
    </message>
    <message>
        <source>&amp;Ban</source>
        <translation>&amp;Ban</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>Mute %1</translation>
    </message>
    <message>
        <source>Let %1 read %2 but not speak in it.</source>
        <translation>Let %1 read %2 but not speak in it.</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>&amp;Mute</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NoticeText</name>
    <message>
        <source>%1 logged out.</source>
        <translation>%1 logged out.</translation>
    </message>
    <message>
        <source>%1 lost the connection.</source>
        <translation>%1 lost the connection.</translation>
    </message>
    <message>
        <source>%1 left.</source>
        <translation>%1 left.</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s) on this server:</source>
        <translation>
            <numerusform>%n room on this server:</numerusform>
            <numerusform>%n rooms on this server:</numerusform>
        </translation>
    </message>
    <message>
        <source>nobody in it</source>
        <translation>nobody in it</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
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
        <translation>%1 (reconnecting)</translation>
    </message>
    <message>
        <source>%1 (in no room)</source>
        <translation>%1 (in no room)</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>Online: %1</source>
        <translation>Online: %1</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>Settings: %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more: the Rooms window has them all.</source>
        <translation>
            <numerusform>… and %n more: the Rooms window has them all.</numerusform>
            <numerusform>… and %n more: the Rooms window has them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was put out of the room.</source>
        <translation>%1 was put out of the room.</translation>
    </message>
    <message>
        <source>%1 made you an operator of this room.</source>
        <translation>%1 made you an operator of this room.</translation>
    </message>
    <message>
        <source>%1 made %2 an operator of this room.</source>
        <translation>%1 made %2 an operator of this room.</translation>
    </message>
    <message>
        <source>%1 took your operator rights in this room.</source>
        <translation>%1 took your operator rights in this room.</translation>
    </message>
    <message>
        <source>%1 took the operator rights of %2.</source>
        <translation>%1 took the operator rights of %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1 muted you for %n second(s): you may read, but not speak.</source>
        <translation>
            <numerusform>%1 muted you for %n second: you may read, but not speak.</numerusform>
            <numerusform>%1 muted you for %n seconds: you may read, but not speak.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 muted you: you may read, but not speak until you are unmuted.</source>
        <translation>%1 muted you: you may read, but not speak until you are unmuted.</translation>
    </message>
    <message numerus="yes">
        <source>%1 muted %2 for %n second(s).</source>
        <translation>
            <numerusform>%1 muted %2 for %n second.</numerusform>
            <numerusform>%1 muted %2 for %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 muted %2.</source>
        <translation>%1 muted %2.</translation>
    </message>
    <message>
        <source>%1 unmuted you: you may speak again.</source>
        <translation>%1 unmuted you: you may speak again.</translation>
    </message>
    <message>
        <source>%1 unmuted %2.</source>
        <translation>%1 unmuted %2.</translation>
    </message>
    <message>
        <source>%1 put you out of the room.</source>
        <translation>%1 put you out of the room.</translation>
    </message>
    <message>
        <source>%1 put you out of the room: %2</source>
        <translation>%1 put you out of the room: %2</translation>
    </message>
    <message>
        <source>%1 put %2 out of the room.</source>
        <translation>%1 put %2 out of the room.</translation>
    </message>
    <message>
        <source>%1 put %2 out of the room: %3</source>
        <translation>%1 put %2 out of the room: %3</translation>
    </message>
    <message>
        <source>%1 banned you from the room.</source>
        <translation>%1 banned you from the room.</translation>
    </message>
    <message>
        <source>%1 banned %2 from the room.</source>
        <translation>%1 banned %2 from the room.</translation>
    </message>
    <message>
        <source>%1 lifted the ban on %2.</source>
        <translation>%1 lifted the ban on %2.</translation>
    </message>
    <message>
        <source>%1 acted on %2 (%3).</source>
        <translation>%1 acted on %2 (%3).</translation>
    </message>
    <message>
        <source>%1 (away)</source>
        <translation>%1 (away)</translation>
    </message>
    <message>
        <source>%1 gave you a voice: you may speak when the room is moderated.</source>
        <translation>%1 gave you a voice: you may speak when the room is moderated.</translation>
    </message>
    <message>
        <source>%1 gave %2 a voice.</source>
        <translation>%1 gave %2 a voice.</translation>
    </message>
    <message>
        <source>%1 took back your voice.</source>
        <translation>%1 took back your voice.</translation>
    </message>
    <message>
        <source>%1 took back the voice of %2.</source>
        <translation>%1 took back the voice of %2.</translation>
    </message>
    <message>
        <source>%1 turned the rule %2 on.</source>
        <translation>%1 turned the rule %2 on.</translation>
    </message>
    <message>
        <source>%1 turned the rule %2 off.</source>
        <translation>%1 turned the rule %2 off.</translation>
    </message>
    <message>
        <source>%1 set the room&apos;s %2 to %3.</source>
        <translation>%1 set the room&apos;s %2 to %3.</translation>
    </message>
    <message>
        <source>Nobody called %1 has left lately.</source>
        <translation>Nobody called %1 has left lately.</translation>
    </message>
    <message>
        <source>%1 (account %2)</source>
        <translation>%1 (account %2)</translation>
    </message>
    <message>
        <source>%1 took the name %2 on %3.</source>
        <translation>%1 took the name %2 on %3.</translation>
    </message>
    <message>
        <source>%1 logged out on %2.</source>
        <translation>%1 logged out on %2.</translation>
    </message>
    <message>
        <source>%1 lost the connection on %2.</source>
        <translation>%1 lost the connection on %2.</translation>
    </message>
    <message>
        <source>%1 was disconnected on %2.</source>
        <translation>%1 was disconnected on %2.</translation>
    </message>
    <message>
        <source>%1 left on %2.</source>
        <translation>%1 left on %2.</translation>
    </message>
    <message>
        <source>%1 lets %2 into the room without an invitation.</source>
        <translation>%1 lets %2 into the room without an invitation.</translation>
    </message>
    <message>
        <source>%1 took back %2&apos;s entry without an invitation.</source>
        <translation>%1 took back %2&apos;s entry without an invitation.</translation>
    </message>
    <message numerus="yes">
        <source>%1 banned you from the room for %n second(s).</source>
        <translation>
            <numerusform>%1 banned you from the room for %n second.</numerusform>
            <numerusform>%1 banned you from the room for %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 banned %2 from the room for %n second(s).</source>
        <translation>
            <numerusform>%1 banned %2 from the room for %n second.</numerusform>
            <numerusform>%1 banned %2 from the room for %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Reason: %2</source>
        <translation>%1 Reason: %2</translation>
    </message>
    <message>
        <source>%1 invited you into the room.</source>
        <translation>%1 invited you into the room.</translation>
    </message>
    <message>
        <source>%1 invited %2 into the room.</source>
        <translation>%1 invited %2 into the room.</translation>
    </message>
    <message>
        <source>%1 closed the room.</source>
        <translation>%1 closed the room.</translation>
    </message>
    <message>
        <source>%1 closed the room: %2</source>
        <translation>%1 closed the room: %2</translation>
    </message>
    <message>
        <source>Nobody enters %1 without an invitation.</source>
        <translation>Nobody enters %1 without an invitation.</translation>
    </message>
    <message>
        <source>Nobody is banned from %1.</source>
        <translation>Nobody is banned from %1.</translation>
    </message>
    <message numerus="yes">
        <source>Let into %1 without an invitation (%n):</source>
        <translation>
            <numerusform>Let into %1 without an invitation (%n):</numerusform>
            <numerusform>Let into %1 without an invitation (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Banned from %1 (%n):</source>
        <translation>
            <numerusform>Banned from %1 (%n):</numerusform>
            <numerusform>Banned from %1 (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1, by %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, by %2, %n second(s) left</source>
        <translation>
            <numerusform>%1, by %2, %n second left</numerusform>
            <numerusform>%1, by %2, %n seconds left</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing was done in %1 yet.</source>
        <translation>Nothing was done in %1 yet.</translation>
    </message>
    <message numerus="yes">
        <source>Moderation in %1 (%n):</source>
        <translation>
            <numerusform>Moderation in %1 (%n):</numerusform>
            <numerusform>Moderation in %1 (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lets %2 into the room even when a ban catches them.</source>
        <translation>%1 lets %2 into the room even when a ban catches them.</translation>
    </message>
    <message>
        <source>%1 took back %2&apos;s exemption from the room&apos;s bans.</source>
        <translation>%1 took back %2&apos;s exemption from the room&apos;s bans.</translation>
    </message>
    <message>
        <source>The bans of %1 hold for everyone.</source>
        <translation>The bans of %1 hold for everyone.</translation>
    </message>
    <message numerus="yes">
        <source>Let into %1 despite its bans (%n):</source>
        <translation>
            <numerusform>Let into %1 despite its bans (%n):</numerusform>
            <numerusform>Let into %1 despite its bans (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>You stepped down from running this room.</source>
        <translation>You stepped down from running this room.</translation>
    </message>
    <message>
        <source>%1 stepped down from running this room.</source>
        <translation>%1 stepped down from running this room.</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1 (private)</source>
        <translation>%1 (private)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new message(s)</source>
        <translation>
            <numerusform>%1: %n new message</numerusform>
            <numerusform>%1: %n new messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordHash</name>
    <message>
        <source>cannot read the password file %1: %2</source>
        <translation>cannot read the password file %1: %2</translation>
    </message>
    <message>
        <source>%1 does not hold a password hash (make one with --hash-password)</source>
        <translation>%1 does not hold a password hash (make one with --hash-password)</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>&amp;Write to %1 privately</source>
        <translation>&amp;Write to %1 privately</translation>
    </message>
    <message>
        <source>&amp;Kick…</source>
        <translation>&amp;Kick…</translation>
    </message>
    <message>
        <source>&amp;Ban…</source>
        <translation>&amp;Ban…</translation>
    </message>
    <message>
        <source>&amp;Mute…</source>
        <translation>&amp;Mute…</translation>
    </message>
    <message>
        <source>&amp;Unmute</source>
        <translation>&amp;Unmute</translation>
    </message>
    <message>
        <source>Make &amp;operator</source>
        <translation>Make &amp;operator</translation>
    </message>
    <message>
        <source>Remove &amp;operator</source>
        <translation>Remove &amp;operator</translation>
    </message>
    <message>
        <source>Give a &amp;voice</source>
        <translation>Give a &amp;voice</translation>
    </message>
    <message>
        <source>Take back the &amp;voice</source>
        <translation>Take back the &amp;voice</translation>
    </message>
    <message>
        <source>&amp;Step down…</source>
        <translation>&amp;Step down…</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Go to a conversation</source>
        <translation>Go to a conversation</translation>
    </message>
    <message>
        <source>Name of a room or person</source>
        <translation>Name of a room or person</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>Filter conversations</translation>
    </message>
    <message>
        <source>Matching conversations</source>
        <translation>Matching conversations</translation>
    </message>
    <message>
        <source>↑↓ to choose, Enter to go, Esc to close</source>
        <translation>↑↓ to choose, Enter to go, Esc to close</translation>
    </message>
    <message>
        <source>Join or create the room %1</source>
        <translation>Join or create the room %1</translation>
    </message>
</context>
<context>
    <name>RoomListModel</name>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>%1 (you are here)</source>
        <translation>%1 (you are here)</translation>
    </message>
    <message>
        <source>%1 (joined)</source>
        <translation>%1 (joined)</translation>
    </message>
</context>
<context>
    <name>RoomMasksDialog</name>
    <message>
        <source>Bans of %1</source>
        <translation>Bans of %1</translation>
    </message>
    <message>
        <source>&amp;Banned</source>
        <translation>&amp;Banned</translation>
    </message>
    <message>
        <source>&amp;Let in without an invitation</source>
        <translation>&amp;Let in without an invitation</translation>
    </message>
    <message>
        <source>Only the operators of %1 see and change its bans.</source>
        <translation>Only the operators of %1 see and change its bans.</translation>
    </message>
    <message>
        <source>a nickname, account:&lt;name&gt;, or an address or subnet (10.0.0.0/8)</source>
        <translation>a nickname, account:&lt;name&gt;, or an address or subnet (10.0.0.0/8)</translation>
    </message>
    <message>
        <source>L&amp;et in</source>
        <translation>L&amp;et in</translation>
    </message>
    <message>
        <source>B&amp;an</source>
        <translation>B&amp;an</translation>
    </message>
    <message>
        <source>&amp;Take back</source>
        <translation>&amp;Take back</translation>
    </message>
    <message>
        <source>Li&amp;ft the ban</source>
        <translation>Li&amp;ft the ban</translation>
    </message>
    <message>
        <source>While %1 is invite-only, people who match one of these masks enter it without an invitation.</source>
        <translation>While %1 is invite-only, people who match one of these masks enter it without an invitation.</translation>
    </message>
    <message>
        <source>People who match one of these masks cannot enter %1, nor say anything in it from outside.</source>
        <translation>People who match one of these masks cannot enter %1, nor say anything in it from outside.</translation>
    </message>
    <message>
        <source>&amp;Mask:</source>
        <translation>&amp;Mask:</translation>
    </message>
    <message>
        <source>&amp;How long:</source>
        <translation>&amp;How long:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>E&amp;xempt from the bans</source>
        <translation>E&amp;xempt from the bans</translation>
    </message>
    <message>
        <source>The bans of %1 do not hold for people who match one of these masks: they enter it and speak in it all the same. An invitation, the key and the limit still hold.</source>
        <translation>The bans of %1 do not hold for people who match one of these masks: they enter it and speak in it all the same. An invitation, the key and the limit still hold.</translation>
    </message>
    <message>
        <source>&amp;Exempt</source>
        <translation>&amp;Exempt</translation>
    </message>
</context>
<context>
    <name>RoomSettingsDialog</name>
    <message>
        <source>Only people an operator &amp;invited</source>
        <translation>Only people an operator &amp;invited</translation>
    </message>
    <message>
        <source>Only &amp;registered nicknames</source>
        <translation>Only &amp;registered nicknames</translation>
    </message>
    <message>
        <source>At most this many &amp;people:</source>
        <translation>At most this many &amp;people:</translation>
    </message>
    <message>
        <source>Only with this &amp;key:</source>
        <translation>Only with this &amp;key:</translation>
    </message>
    <message>
        <source>Only those with a &amp;voice, operators and the owner</source>
        <translation>Only those with a &amp;voice, operators and the owner</translation>
    </message>
    <message>
        <source>Only operators and the owner change the &amp;topic</source>
        <translation>Only operators and the owner change the &amp;topic</translation>
    </message>
    <message>
        <source>Rules of %1</source>
        <translation>Rules of %1</translation>
    </message>
    <message>
        <source>Most people</source>
        <translation>Most people</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>one word, told to those you let in</source>
        <translation>one word, told to those you let in</translation>
    </message>
    <message>
        <source>Who may join</source>
        <translation>Who may join</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Only the room&apos;s operators and owner may change its rules.</source>
        <translation>Only the room&apos;s operators and owner may change its rules.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Type the key, or leave it off.</source>
        <translation>Type the key, or leave it off.</translation>
    </message>
    <message>
        <source>&quot;off&quot; cannot be a key: it turns the key off.</source>
        <translation>&quot;off&quot; cannot be a key: it turns the key off.</translation>
    </message>
    <message>
        <source>Who may speak and set the topic</source>
        <translation>Who may speak and set the topic</translation>
    </message>
    <message>
        <source>People &amp;outside the room may post to it too (for bots)</source>
        <translation>People &amp;outside the room may post to it too (for bots)</translation>
    </message>
    <message>
        <source>&amp;Secret: left out of the room list for those not in it</source>
        <translation>&amp;Secret: left out of the room list for those not in it</translation>
    </message>
</context>
<context>
    <name>RoomsDialog</name>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Join</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>name of a new room</source>
        <translation>name of a new room</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>New room</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Rooms on this server</source>
        <translation>Rooms on this server</translation>
    </message>
</context>
<context>
    <name>ServerOptions</name>
    <message>
        <source>A chat server for telnet, nc and the chat-client desktop program.</source>
        <translation>A chat server for telnet, nc and the chat-client desktop program.</translation>
    </message>
    <message>
        <source>TCP port to listen on (0 picks a free one).</source>
        <translation>TCP port to listen on (0 picks a free one).</translation>
    </message>
    <message>
        <source>Address to listen on (default: every IPv4 and IPv6 address).</source>
        <translation>Address to listen on (default: every IPv4 and IPv6 address).</translation>
    </message>
    <message>
        <source>Longest line a client may send, in bytes.</source>
        <translation>Longest line a client may send, in bytes.</translation>
    </message>
    <message>
        <source>Lines a client may send at once before the rate applies.</source>
        <translation>Lines a client may send at once before the rate applies.</translation>
    </message>
    <message>
        <source>Lines per second a client may send after the burst (0: no flood control).</source>
        <translation>Lines per second a client may send after the burst (0: no flood control).</translation>
    </message>
    <message>
        <source>Delayed lines held for a client before it is disconnected.</source>
        <translation>Delayed lines held for a client before it is disconnected.</translation>
    </message>
    <message>
        <source>Delayed bytes held for a client before it is disconnected.</source>
        <translation>Delayed bytes held for a client before it is disconnected.</translation>
    </message>
    <message>
        <source>Unsent bytes held for a client that does not read before it is disconnected.</source>
        <translation>Unsent bytes held for a client that does not read before it is disconnected.</translation>
    </message>
    <message>
        <source>Connections allowed from one address.</source>
        <translation>Connections allowed from one address.</translation>
    </message>
    <message>
        <source>Connections allowed in all.</source>
        <translation>Connections allowed in all.</translation>
    </message>
    <message>
        <source>Seconds a connection may take to log in.</source>
        <translation>Seconds a connection may take to log in.</translation>
    </message>
    <message>
        <source>Seconds of silence after which a tagged client is pinged.</source>
        <translation>Seconds of silence after which a tagged client is pinged.</translation>
    </message>
    <message>
        <source>Seconds a pinged client has to answer.</source>
        <translation>Seconds a pinged client has to answer.</translation>
    </message>
    <message>
        <source>Connections the kernel queues before the server accepts them.</source>
        <translation>Connections the kernel queues before the server accepts them.</translation>
    </message>
    <message>
        <source>TCP port of the TLS listener (with --tls-cert and --tls-key).</source>
        <translation>TCP port of the TLS listener (with --tls-cert and --tls-key).</translation>
    </message>
    <message>
        <source>Seconds a TLS handshake may take.</source>
        <translation>Seconds a TLS handshake may take.</translation>
    </message>
    <message>
        <source>Default: %1.</source>
        <translation>Default: %1.</translation>
    </message>
    <message>
        <source>No per-address connection limit for 127.0.0.1 and ::1.</source>
        <translation>No per-address connection limit for 127.0.0.1 and ::1.</translation>
    </message>
    <message>
        <source>PEM certificate (chain) for the TLS listener.</source>
        <translation>PEM certificate (chain) for the TLS listener.</translation>
    </message>
    <message>
        <source>PEM private key for the TLS listener.</source>
        <translation>PEM private key for the TLS listener.</translation>
    </message>
    <message>
        <source>File with the server password&apos;s hash (make one with --hash-password); nobody logs in without the password.</source>
        <translation>File with the server password&apos;s hash (make one with --hash-password); nobody logs in without the password.</translation>
    </message>
    <message>
        <source>Read a password from standard input, print the line for --password-file, and exit.</source>
        <translation>Read a password from standard input, print the line for --password-file, and exit.</translation>
    </message>
    <message>
        <source>Members beyond which a room no longer announces arrivals and departures and lists only this many names.</source>
        <translation>Members beyond which a room no longer announces arrivals and departures and lists only this many names.</translation>
    </message>
    <message>
        <source>Rooms one person may be in at once.</source>
        <translation>Rooms one person may be in at once.</translation>
    </message>
    <message>
        <source>Earlier lines of a room shown to whoever enters it (0: none).</source>
        <translation>Earlier lines of a room shown to whoever enters it (0: none).</translation>
    </message>
    <message>
        <source>Seconds a dropped person&apos;s name and rooms are held for a resume (0: none).</source>
        <translation>Seconds a dropped person&apos;s name and rooms are held for a resume (0: none).</translation>
    </message>
    <message>
        <source>Lines per room a resume replays at most (the newest).</source>
        <translation>Lines per room a resume replays at most (the newest).</translation>
    </message>
    <message>
        <source>Days lines are kept (0: for ever).</source>
        <translation>Days lines are kept (0: for ever).</translation>
    </message>
    <message>
        <source>Lines kept per room, the newest (0: no limit).</source>
        <translation>Lines kept per room, the newest (0: no limit).</translation>
    </message>
    <message>
        <source>Largest size of the database file in MiB; writes beyond it are refused (0: no limit).</source>
        <translation>Largest size of the database file in MiB; writes beyond it are refused (0: no limit).</translation>
    </message>
    <message>
        <source>full: every line survives a power cut; normal: it survives the server being killed, a power cut may lose the last ones. Default: full.</source>
        <translation>full: every line survives a power cut; normal: it survives the server being killed, a power cut may lose the last ones. Default: full.</translation>
    </message>
    <message>
        <source>chat-server configuration. One &quot;key = value&quot; per line; the keys are the long options of chat-server --help, and an option given on the command line wins over this file. Lines starting with # are comments. &quot;chat-server --print-config&quot; prints the settings in effect in this format; SIGHUP (systemctl reload chat-server) reads the file again.</source>
        <translation>chat-server configuration. One &quot;key = value&quot; per line; the keys are the long options of chat-server --help, and an option given on the command line wins over this file. Lines starting with # are comments. &quot;chat-server --print-config&quot; prints the settings in effect in this format; SIGHUP (systemctl reload chat-server) reads the file again.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true or false</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 or %2</translation>
    </message>
    <message>
        <source>an IP address</source>
        <translation>an IP address</translation>
    </message>
    <message>
        <source>Server name shown in the greeting (default: this machine&apos;s name).</source>
        <translation>Server name shown in the greeting (default: this machine&apos;s name).</translation>
    </message>
    <message>
        <source>Folder of the database (default: ~/.local/share/chat-server, or $XDG_DATA_HOME/chat-server when that is set).</source>
        <translation>Folder of the database (default: ~/.local/share/chat-server, or $XDG_DATA_HOME/chat-server when that is set).</translation>
    </message>
    <message>
        <source>Serve Prometheus metrics (/metrics) and health checks (/healthz, /readyz) over HTTP on this port, of loopback unless an address is given (default: off).</source>
        <translation>Serve Prometheus metrics (/metrics) and health checks (/healthz, /readyz) over HTTP on this port, of loopback unless an address is given (default: off).</translation>
    </message>
    <message>
        <source>a port, or address:port</source>
        <translation>a port, or address:port</translation>
    </message>
    <message>
        <source>A reload applies it at once.</source>
        <translation>A reload applies it at once.</translation>
    </message>
    <message>
        <source>A reload applies it to new connections.</source>
        <translation>A reload applies it to new connections.</translation>
    </message>
    <message>
        <source>Changing it needs a restart.</source>
        <translation>Changing it needs a restart.</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;</source>
        <translation>unknown key &quot;%1&quot;</translation>
    </message>
    <message>
        <source>invalid %1 (%2): &quot;%3&quot;</source>
        <translation>invalid %1 (%2): &quot;%3&quot;</translation>
    </message>
    <message>
        <source>Read settings from this file (default: %1 when it exists); options given here win.</source>
        <translation>Read settings from this file (default: %1 when it exists); options given here win.</translation>
    </message>
    <message>
        <source>Print the settings in effect as a configuration file, and exit.</source>
        <translation>Print the settings in effect as a configuration file, and exit.</translation>
    </message>
    <message>
        <source>Invalid --%1 (%2): %3</source>
        <translation>Invalid --%1 (%2): %3</translation>
    </message>
    <message>
        <source>tls-cert and tls-key go together.</source>
        <translation>tls-cert and tls-key go together.</translation>
    </message>
    <message>
        <source>Rooms the server holds at most, the hall included.</source>
        <translation>Rooms the server holds at most, the hall included.</translation>
    </message>
    <message>
        <source>Rooms one person may create in a minute (0: no limit).</source>
        <translation>Rooms one person may create in a minute (0: no limit).</translation>
    </message>
    <message>
        <source>Seconds an empty room (not the hall) is kept before it goes, with its history (0: kept for ever).</source>
        <translation>Seconds an empty room (not the hall) is kept before it goes, with its history (0: kept for ever).</translation>
    </message>
    <message>
        <source>Rooms or people per page of list and who.</source>
        <translation>Rooms or people per page of list and who.</translation>
    </message>
    <message>
        <source>Registered nicknames, comma-separated, whose owners may do in every room what its owner may, and act on owners too.</source>
        <translation>Registered nicknames, comma-separated, whose owners may do in every room what its owner may, and act on owners too.</translation>
    </message>
    <message>
        <source>TCP port of the IRC listener, for IRC clients (0 turns it off).</source>
        <translation>TCP port of the IRC listener, for IRC clients (0 turns it off).</translation>
    </message>
    <message>
        <source>TCP port of the IRC listener over TLS, when --tls-cert and --tls-key are given (0 turns it off).</source>
        <translation>TCP port of the IRC listener over TLS, when --tls-cert and --tls-key are given (0 turns it off).</translation>
    </message>
    <message>
        <source>TCP port of the web front end: the browser client&apos;s page and its WebSocket (0 turns it off).</source>
        <translation>TCP port of the web front end: the browser client&apos;s page and its WebSocket (0 turns it off).</translation>
    </message>
    <message>
        <source>Origins (scheme://host:port), comma-separated, whose pages may open the web front end&apos;s WebSocket (default: only the page&apos;s own origin).</source>
        <translation>Origins (scheme://host:port), comma-separated, whose pages may open the web front end&apos;s WebSocket (default: only the page&apos;s own origin).</translation>
    </message>
    <message>
        <source>Where history is kept: sqlite (a file in the data folder), memory (forgotten when the server stops) or a PostgreSQL database, postgresql://user:password@host:port/dbname. Default: sqlite.</source>
        <translation>Where history is kept: sqlite (a file in the data folder), memory (forgotten when the server stops) or a PostgreSQL database, postgresql://user:password@host:port/dbname. Default: sqlite.</translation>
    </message>
    <message>
        <source>sqlite, memory or postgresql://user:password@host:port/dbname</source>
        <translation>sqlite, memory or postgresql://user:password@host:port/dbname</translation>
    </message>
    <message>
        <source>Makes this server a node of a cluster: the Redis server that the nodes share, redis://host:port (they also need one PostgreSQL --database). Default: none, a server on its own.</source>
        <translation>Makes this server a node of a cluster: the Redis server that the nodes share, redis://host:port (they also need one PostgreSQL --database). Default: none, a server on its own.</translation>
    </message>
    <message>
        <source>redis://host:port</source>
        <translation>redis://host:port</translation>
    </message>
    <message>
        <source>This node&apos;s name in its cluster, the same across its restarts (default: this machine&apos;s name and the port).</source>
        <translation>This node&apos;s name in its cluster, the same across its restarts (default: this machine&apos;s name and the port).</translation>
    </message>
    <message>
        <source>Load balancers (addresses or subnets such as 10.0.0.0/24, comma-separated) whose connections start with a PROXY protocol header, version 1 or 2 (HAProxy&apos;s send-proxy or send-proxy-v2), naming the person&apos;s real address; a connection from them without one is closed. Default: none.</source>
        <translation>Load balancers (addresses or subnets such as 10.0.0.0/24, comma-separated) whose connections start with a PROXY protocol header, version 1 or 2 (HAProxy&apos;s send-proxy or send-proxy-v2), naming the person&apos;s real address; a connection from them without one is closed. Default: none.</translation>
    </message>
    <message>
        <source>addresses or subnets such as 10.0.0.0/8, comma-separated</source>
        <translation>addresses or subnets such as 10.0.0.0/8, comma-separated</translation>
    </message>
    <message>
        <source>Milliseconds a load balancer&apos;s connection has to send its PROXY header.</source>
        <translation>Milliseconds a load balancer&apos;s connection has to send its PROXY header.</translation>
    </message>
    <message>
        <source>hall: IRC clients start in #hall, as everyone does; none: in no channel, as on other IRC servers. Default: hall.</source>
        <translation>hall: IRC clients start in #hall, as everyone does; none: in no channel, as on other IRC servers. Default: hall.</translation>
    </message>
    <message>
        <source>Departures (people who left or changed their nickname) that whowas remembers in all (0: none).</source>
        <translation>Departures (people who left or changed their nickname) that whowas remembers in all (0: none).</translation>
    </message>
    <message>
        <source>Departures of one nickname that whowas remembers.</source>
        <translation>Departures of one nickname that whowas remembers.</translation>
    </message>
    <message>
        <source>A line about this server that IRC clients show beside its name (LINKS, WHOIS), e.g. &quot;Physics class chat&quot;.</source>
        <translation>A line about this server that IRC clients show beside its name (LINKS, WHOIS), e.g. &quot;Physics class chat&quot;.</translation>
    </message>
    <message>
        <source>Shortest password an account may have, in characters (passwords set before keep working).</source>
        <translation>Shortest password an account may have, in characters (passwords set before keep working).</translation>
    </message>
    <message>
        <source>Seconds a long reply may wait for a client that reads nothing before it is disconnected.</source>
        <translation>Seconds a long reply may wait for a client that reads nothing before it is disconnected.</translation>
    </message>
    <message>
        <source>Masks each of a room&apos;s lists may hold: its bans, those let in without an invitation, those its bans do not keep out.</source>
        <translation>Masks each of a room&apos;s lists may hold: its bans, those let in without an invitation, those its bans do not keep out.</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>The server at %1 refused the connection. Is the chat server running, and is the port right?</source>
        <translation>The server at %1 refused the connection. Is the chat server running, and is the port right?</translation>
    </message>
    <message>
        <source>Cannot find the server %1. Check the spelling of the address.</source>
        <translation>Cannot find the server %1. Check the spelling of the address.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer within %2 seconds.</source>
        <translation>The server at %1 did not answer within %2 seconds.</translation>
    </message>
    <message>
        <source>Someone is already using the nickname &quot;%1&quot;. Please choose another one.</source>
        <translation>Someone is already using the nickname &quot;%1&quot;. Please choose another one.</translation>
    </message>
    <message>
        <source>The nickname &quot;%1&quot; is not allowed. Use up to 24 letters, digits, &quot;_&quot; or &quot;-&quot;, starting with a letter, a digit or &quot;_&quot;.</source>
        <translation>The nickname &quot;%1&quot; is not allowed. Use up to 24 letters, digits, &quot;_&quot; or &quot;-&quot;, starting with a letter, a digit or &quot;_&quot;.</translation>
    </message>
    <message>
        <source>The server did not let you log in.</source>
        <translation>The server did not let you log in.</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>The server closed the connection.</translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation>The server is shutting down.</translation>
    </message>
    <message>
        <source>The network connection to %1 failed.</source>
        <translation>The network connection to %1 failed.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Connected to %1 as %2</translation>
    </message>
    <message>
        <source>Connection lost; waiting to reconnect to %1</source>
        <translation>Connection lost; waiting to reconnect to %1</translation>
    </message>
    <message>
        <source>Reconnecting to %1…</source>
        <translation>Reconnecting to %1…</translation>
    </message>
    <message>
        <source>The server reported error %1.</source>
        <translation>The server reported error %1.</translation>
    </message>
    <message>
        <source>No certificate authority vouches for the certificate of %1. Not connected.</source>
        <translation>No certificate authority vouches for the certificate of %1. Not connected.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since you trusted it for %1. This could be an attack: someone may be pretending to be the server. If the server&apos;s owner changed it, remove the remembered certificate and log in again.</source>
        <translation>The server&apos;s certificate has changed since you trusted it for %1. This could be an attack: someone may be pretending to be the server. If the server&apos;s owner changed it, remove the remembered certificate and log in again.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed. Does the server use TLS on this port?</source>
        <translation>The secure connection to %1 failed. Does the server use TLS on this port?</translation>
    </message>
    <message>
        <source>Wrong server password.</source>
        <translation>Wrong server password.</translation>
    </message>
    <message>
        <source>This server needs a password.</source>
        <translation>This server needs a password.</translation>
    </message>
    <message>
        <source>🔒 TLS: connected securely to %1 as %2</source>
        <translation>🔒 TLS: connected securely to %1 as %2</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has expired.</source>
        <translation>The server&apos;s certificate has expired.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not valid yet (check this computer&apos;s clock).</source>
        <translation>The server&apos;s certificate is not valid yet (check this computer&apos;s clock).</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is for another host name.</source>
        <translation>The server&apos;s certificate is for another host name.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has been revoked.</source>
        <translation>The server&apos;s certificate has been revoked.</translation>
    </message>
    <message>
        <source>No certificate authority vouches for the server&apos;s certificate.</source>
        <translation>No certificate authority vouches for the server&apos;s certificate.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>The connection to %1 was lost.</translation>
    </message>
    <message>
        <source>The nickname &quot;%1&quot; is registered. If it is yours, enter its password and log in again; otherwise, please choose another nickname.</source>
        <translation>The nickname &quot;%1&quot; is registered. If it is yours, enter its password and log in again; otherwise, please choose another nickname.</translation>
    </message>
    <message>
        <source>Wrong password for &quot;%1&quot;. Check it and try again. After wrong passwords the server waits longer before answering (up to half a minute), to stop guessing.</source>
        <translation>Wrong password for &quot;%1&quot;. Check it and try again. After wrong passwords the server waits longer before answering (up to half a minute), to stop guessing.</translation>
    </message>
    <message>
        <source>Nobody has registered the nickname &quot;%1&quot;: leave the password empty to log in with it. Once in, Account → Register this name… keeps it yours.</source>
        <translation>Nobody has registered the nickname &quot;%1&quot;: leave the password empty to log in with it. Once in, Account → Register this name… keeps it yours.</translation>
    </message>
    <message>
        <source>You are banned from %1: its operators keep you out of it.</source>
        <translation>You are banned from %1: its operators keep you out of it.</translation>
    </message>
    <message>
        <source>%1 is open only to people its operators invite.</source>
        <translation>%1 is open only to people its operators invite.</translation>
    </message>
    <message>
        <source>%1 is only for registered nicknames: register yours (Account → Register this name…) to enter it.</source>
        <translation>%1 is only for registered nicknames: register yours (Account → Register this name…) to enter it.</translation>
    </message>
    <message>
        <source>You may not do that in %1: it takes the room&apos;s operators (or its owner), and nobody acts on someone who stands as high as they do.</source>
        <translation>You may not do that in %1: it takes the room&apos;s operators (or its owner), and nobody acts on someone who stands as high as they do.</translation>
    </message>
    <message>
        <source>%1 is not in the room.</source>
        <translation>%1 is not in the room.</translation>
    </message>
    <message>
        <source>Your nickname is not registered.</source>
        <translation>Your nickname is not registered.</translation>
    </message>
    <message>
        <source>A password must be one word (no spaces) of at least %1 characters.</source>
        <translation>A password must be one word (no spaces) of at least %1 characters.</translation>
    </message>
    <message>
        <source>Wrong password. After wrong passwords the server waits longer before answering; too many close the connection.</source>
        <translation>Wrong password. After wrong passwords the server waits longer before answering; too many close the connection.</translation>
    </message>
    <message>
        <source>The nickname %1 is already registered.</source>
        <translation>The nickname %1 is already registered.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: the server closed the connection. Wait a moment before trying again; each wrong password makes the server answer more slowly.</source>
        <translation>Too many wrong passwords: the server closed the connection. Wait a moment before trying again; each wrong password makes the server answer more slowly.</translation>
    </message>
    <message>
        <source>You may not speak in %1: you are muted there (until an operator unmutes you or the time is up), or the room is moderated and nobody gave you a voice. You may still read.</source>
        <translation>You may not speak in %1: you are muted there (until an operator unmutes you or the time is up), or the room is moderated and nobody gave you a voice. You may still read.</translation>
    </message>
</context>
<context>
    <name>StepDownQuestion</name>
    <message>
        <source>Step down</source>
        <translation>Step down</translation>
    </message>
    <message>
        <source>Step down from running %1?</source>
        <translation>Step down from running %1?</translation>
    </message>
    <message>
        <source>You will no longer run %1: you will be a member like the others. The room will have no owner, and you cannot take it back.</source>
        <translation>You will no longer run %1: you will be a member like the others. The room will have no owner, and you cannot take it back.</translation>
    </message>
    <message>
        <source>You will no longer run %1: you will be a member like the others, until its owner or a server administrator makes you an operator again.</source>
        <translation>You will no longer run %1: you will be a member like the others, until its owner or a server administrator makes you an operator again.</translation>
    </message>
    <message>
        <source>&amp;Step down</source>
        <translation>&amp;Step down</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TextRenderer</name>
    <message numerus="yes">
        <source>Users in %1 (%n):</source>
        <translation>
            <numerusform>Users in %1 (%n):</numerusform>
            <numerusform>Users in %1 (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Users online (%n):</source>
        <translation>
            <numerusform>Users online (%n):</numerusform>
            <numerusform>Users online (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 in %2</source>
        <translation>  %1 in %2</translation>
    </message>
    <message numerus="yes">
        <source>Rooms (%n):</source>
        <translation>
            <numerusform>Rooms (%n):</numerusform>
            <numerusform>Rooms (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %1 (%n users)</source>
        <translation>
            <numerusform>  %1 (%n user)</numerusform>
            <numerusform>  %1 (%n users)</numerusform>
        </translation>
    </message>
    <message>
        <source>Commands (a leading / is optional; plain text is said to the room):</source>
        <translation>Commands (a leading / is optional; plain text is said to the room):</translation>
    </message>
    <message>
        <source>Your settings:</source>
        <translation>Your settings:</translation>
    </message>
    <message>
        <source>* You have left %1.</source>
        <translation>* You have left %1.</translation>
    </message>
    <message>
        <source>* %1 has left the chat.</source>
        <translation>* %1 has left the chat.</translation>
    </message>
    <message>
        <source>* %1 lost the connection.</source>
        <translation>* %1 lost the connection.</translation>
    </message>
    <message>
        <source>* %1 has left: the server is shutting down.</source>
        <translation>* %1 has left: the server is shutting down.</translation>
    </message>
    <message>
        <source>* %1 has left the room.</source>
        <translation>* %1 has left the room.</translation>
    </message>
    <message>
        <source>Goodbye!</source>
        <translation>Goodbye!</translation>
    </message>
    <message>
        <source>The server is shutting down. Goodbye!</source>
        <translation>The server is shutting down. Goodbye!</translation>
    </message>
    <message>
        <source>Disconnected by the server: %1</source>
        <translation>Disconnected by the server: %1</translation>
    </message>
    <message>
        <source>You are logged in as %1.</source>
        <translation>You are logged in as %1.</translation>
    </message>
    <message>
        <source>Setting %1 is now %2.</source>
        <translation>Setting %1 is now %2.</translation>
    </message>
    <message>
        <source>OK: %1</source>
        <translation>OK: %1</translation>
    </message>
    <message>
        <source>Welcome to %1! Log in with: login &lt;nick&gt;    (help lists the commands)</source>
        <translation>Welcome to %1! Log in with: login &lt;nick&gt;    (help lists the commands)</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>* You have entered %1.</source>
        <translation>* You have entered %1.</translation>
    </message>
    <message>
        <source>* %1 has entered the room.</source>
        <translation>* %1 has entered the room.</translation>
    </message>
    <message>
        <source>* You are now known as %1.</source>
        <translation>* You are now known as %1.</translation>
    </message>
    <message>
        <source>* %1 is now known as %2.</source>
        <translation>* %1 is now known as %2.</translation>
    </message>
    <message>
        <source>No topic is set in %1.</source>
        <translation>No topic is set in %1.</translation>
    </message>
    <message>
        <source>Topic of %1: %2 (set by %3)</source>
        <translation>Topic of %1: %2 (set by %3)</translation>
    </message>
    <message>
        <source>* %1 cleared the topic.</source>
        <translation>* %1 cleared the topic.</translation>
    </message>
    <message>
        <source>* %1 changed the topic to: %2</source>
        <translation>* %1 changed the topic to: %2</translation>
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
        <translation>You sent too many lines too fast; disconnected.</translation>
    </message>
    <message>
        <source>You did not log in in time; disconnected.</source>
        <translation>You did not log in in time; disconnected.</translation>
    </message>
    <message>
        <source>No answer to ping; disconnected.</source>
        <translation>No answer to ping; disconnected.</translation>
    </message>
    <message>
        <source>Too many wrong passwords; disconnected.</source>
        <translation>Too many wrong passwords; disconnected.</translation>
    </message>
    <message>
        <source>Password accepted: now log in with login &lt;nick&gt;.</source>
        <translation>Password accepted: now log in with login &lt;nick&gt;.</translation>
    </message>
    <message>
        <source>* %1 have entered the room.</source>
        <translation>* %1 have entered the room.</translation>
    </message>
    <message numerus="yes">
        <source>* %1 and %n others have entered the room.</source>
        <translation>
            <numerusform>* %1 and %n other have entered the room.</numerusform>
            <numerusform>* %1 and %n others have entered the room.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Users in %1 (%n, the first %2 listed):</source>
        <translation>
            <numerusform>Users in %1 (%n, the first %2 listed):</numerusform>
            <numerusform>Users in %1 (%n, the first %2 listed):</numerusform>
        </translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>reconnecting</translation>
    </message>
    <message>
        <source>  %1 (in no room)</source>
        <translation>  %1 (in no room)</translation>
    </message>
    <message>
        <source>You came back on another connection; this one is closed.</source>
        <translation>You came back on another connection; this one is closed.</translation>
    </message>
    <message>
        <source>Too many wrong resume tokens; disconnected.</source>
        <translation>Too many wrong resume tokens; disconnected.</translation>
    </message>
    <message numerus="yes">
        <source>--- %n earlier messages, since %1 ---</source>
        <translation>
            <numerusform>--- %n earlier message, since %1 ---</numerusform>
            <numerusform>--- %n earlier messages, since %1 ---</numerusform>
        </translation>
    </message>
    <message>
        <source>private</source>
        <translation>private</translation>
    </message>
    <message>
        <source>--- nothing new in %1 ---</source>
        <translation>--- nothing new in %1 ---</translation>
    </message>
    <message numerus="yes">
        <source>--- %n messages in %1 while you were away, since %2 ---</source>
        <translation>
            <numerusform>--- %n message in %1 while you were away, since %2 ---</numerusform>
            <numerusform>--- %n messages in %1 while you were away, since %2 ---</numerusform>
        </translation>
    </message>
    <message>
        <source>--- no messages in %1 ---</source>
        <translation>--- no messages in %1 ---</translation>
    </message>
    <message numerus="yes">
        <source>--- %n messages in %1, since %2 ---</source>
        <translation>
            <numerusform>--- %n message in %1, since %2 ---</numerusform>
            <numerusform>--- %n messages in %1, since %2 ---</numerusform>
        </translation>
    </message>
    <message>
        <source>--- now ---</source>
        <translation>--- now ---</translation>
    </message>
    <message>
        <source>--- older: history %1 before %2 ---</source>
        <translation>--- older: history %1 before %2 ---</translation>
    </message>
    <message>
        <source>--- newer: history %1 after %2 ---</source>
        <translation>--- newer: history %1 after %2 ---</translation>
    </message>
    <message>
        <source>--- end of history ---</source>
        <translation>--- end of history ---</translation>
    </message>
    <message>
        <source>* %1 is back.</source>
        <translation>* %1 is back.</translation>
    </message>
    <message>
        <source>* %1 lost the connection; their place is kept for a while.</source>
        <translation>* %1 lost the connection; their place is kept for a while.</translation>
    </message>
    <message>
        <source>Welcome back, %1.</source>
        <translation>Welcome back, %1.</translation>
    </message>
    <message>
        <source>You are now talking in %1.</source>
        <translation>You are now talking in %1.</translation>
    </message>
    <message>
        <source>If your connection drops, connect again within %1 seconds and type: resume %2</source>
        <translation>If your connection drops, connect again within %1 seconds and type: resume %2</translation>
    </message>
    <message numerus="yes">
        <source>Rooms matching %1 (%n):</source>
        <translation>
            <numerusform>Rooms matching %1 (%n):</numerusform>
            <numerusform>Rooms matching %1 (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Users online matching %1 (%n):</source>
        <translation>
            <numerusform>Users online matching %1 (%n):</numerusform>
            <numerusform>Users online matching %1 (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rooms (%n), page %1:</source>
        <translation>
            <numerusform>Rooms (%n), page %1:</numerusform>
            <numerusform>Rooms (%n), page %1:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Users online (%n), page %1:</source>
        <translation>
            <numerusform>Users online (%n), page %1:</numerusform>
            <numerusform>Users online (%n), page %1:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rooms matching %1 (%n), page %2:</source>
        <translation>
            <numerusform>Rooms matching %1 (%n), page %2:</numerusform>
            <numerusform>Rooms matching %1 (%n), page %2:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Users online matching %1 (%n), page %2:</source>
        <translation>
            <numerusform>Users online matching %1 (%n), page %2:</numerusform>
            <numerusform>Users online matching %1 (%n), page %2:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>--- %n more: %1 ---</source>
        <translation>
            <numerusform>--- %n more: %1 ---</numerusform>
            <numerusform>--- %n more: %1 ---</numerusform>
        </translation>
    </message>
    <message>
        <source>The nickname %1 is registered: from now on, log in with login %1 &lt;password&gt;.</source>
        <translation>The nickname %1 is registered: from now on, log in with login %1 &lt;password&gt;.</translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation>Your password is changed.</translation>
    </message>
    <message>
        <source>The nickname %1 is no longer registered.</source>
        <translation>The nickname %1 is no longer registered.</translation>
    </message>
    <message>
        <source>* %1 made %2 an operator.</source>
        <translation>* %1 made %2 an operator.</translation>
    </message>
    <message>
        <source>* %1 took operator rights from %2.</source>
        <translation>* %1 took operator rights from %2.</translation>
    </message>
    <message>
        <source>* %1 kicked %2 out of the room.</source>
        <translation>* %1 kicked %2 out of the room.</translation>
    </message>
    <message>
        <source>* %1 kicked %2 out of the room: %3</source>
        <translation>* %1 kicked %2 out of the room: %3</translation>
    </message>
    <message>
        <source>* %1 muted %2.</source>
        <translation>* %1 muted %2.</translation>
    </message>
    <message>
        <source>* %1 muted %2 for %3 seconds.</source>
        <translation>* %1 muted %2 for %3 seconds.</translation>
    </message>
    <message>
        <source>* %1 let %2 speak again.</source>
        <translation>* %1 let %2 speak again.</translation>
    </message>
    <message>
        <source>away</source>
        <translation>away</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>muted</translation>
    </message>
    <message>
        <source>Nobody is banned from %1.</source>
        <translation>Nobody is banned from %1.</translation>
    </message>
    <message numerus="yes">
        <source>Bans in %1 (%n):</source>
        <translation>
            <numerusform>Bans in %1 (%n):</numerusform>
            <numerusform>Bans in %1 (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 (by %2)</source>
        <translation>  %1 (by %2)</translation>
    </message>
    <message numerus="yes">
        <source>  %1 (by %2, %n seconds left)</source>
        <translation>
            <numerusform>  %1 (by %2, %n second left)</numerusform>
            <numerusform>  %1 (by %2, %n seconds left)</numerusform>
        </translation>
    </message>
    <message>
        <source>Rules of %1: %2</source>
        <translation>Rules of %1: %2</translation>
    </message>
    <message>
        <source>* %1 was banned from the room.</source>
        <translation>* %1 was banned from the room.</translation>
    </message>
    <message>
        <source>* %1 has left: the room was closed.</source>
        <translation>* %1 has left: the room was closed.</translation>
    </message>
    <message>
        <source>* %1 banned %2 from the room.</source>
        <translation>* %1 banned %2 from the room.</translation>
    </message>
    <message>
        <source>* %1 banned %2 from the room for %3 seconds.</source>
        <translation>* %1 banned %2 from the room for %3 seconds.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>* %1 lifted the ban on %2.</source>
        <translation>* %1 lifted the ban on %2.</translation>
    </message>
    <message>
        <source>* %1 invited %2 into the room.</source>
        <translation>* %1 invited %2 into the room.</translation>
    </message>
    <message>
        <source>* %1 closed the room.</source>
        <translation>* %1 closed the room.</translation>
    </message>
    <message>
        <source>* %1 closed the room: %2</source>
        <translation>* %1 closed the room: %2</translation>
    </message>
    <message>
        <source>* %1 turned the rule %2 on.</source>
        <translation>* %1 turned the rule %2 on.</translation>
    </message>
    <message>
        <source>* %1 turned the rule %2 off.</source>
        <translation>* %1 turned the rule %2 off.</translation>
    </message>
    <message>
        <source>You are marked as away.</source>
        <translation>You are marked as away.</translation>
    </message>
    <message>
        <source>You are marked as away: %1</source>
        <translation>You are marked as away: %1</translation>
    </message>
    <message>
        <source>You are no longer marked as away.</source>
        <translation>You are no longer marked as away.</translation>
    </message>
    <message>
        <source>%1 is away.</source>
        <translation>%1 is away.</translation>
    </message>
    <message>
        <source>%1 is away: %2</source>
        <translation>%1 is away: %2</translation>
    </message>
    <message>
        <source>*** Notice from %1: %2</source>
        <translation>*** Notice from %1: %2</translation>
    </message>
    <message>
        <source>Nothing was done in %1 yet.</source>
        <translation>Nothing was done in %1 yet.</translation>
    </message>
    <message numerus="yes">
        <source>Moderation in %1 (%n):</source>
        <translation>
            <numerusform>Moderation in %1 (%n):</numerusform>
            <numerusform>Moderation in %1 (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was said then.</source>
        <translation>Nothing was said then.</translation>
    </message>
    <message>
        <source>  %1, last at %2</source>
        <translation>  %1, last at %2</translation>
    </message>
    <message numerus="yes">
        <source>Conversations (%n):</source>
        <translation>
            <numerusform>Conversation (%n):</numerusform>
            <numerusform>Conversations (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone on another node of this cluster took your name while this node was cut off from it; log in again.</source>
        <translation>Someone on another node of this cluster took your name while this node was cut off from it; log in again.</translation>
    </message>
    <message>
        <source>* %1 has left the chat: %2</source>
        <translation>* %1 has left the chat: %2</translation>
    </message>
    <message>
        <source>* %1 has left the room: %2</source>
        <translation>* %1 has left the room: %2</translation>
    </message>
    <message>
        <source>* %1 set the room&apos;s %2 to %3.</source>
        <translation>* %1 set the room&apos;s %2 to %3.</translation>
    </message>
    <message>
        <source>voice</source>
        <translation>voice</translation>
    </message>
    <message>
        <source>* %1 gave %2 a voice in the room.</source>
        <translation>* %1 gave %2 a voice in the room.</translation>
    </message>
    <message>
        <source>* %1 took back %2&apos;s voice.</source>
        <translation>* %1 took back %2&apos;s voice.</translation>
    </message>
    <message>
        <source>Nobody called %1 has left lately.</source>
        <translation>Nobody called %1 has left lately.</translation>
    </message>
    <message>
        <source>%1 (account %2)</source>
        <translation>%1 (account %2)</translation>
    </message>
    <message>
        <source>%1 left at %2.</source>
        <translation>%1 left at %2.</translation>
    </message>
    <message>
        <source>%1 took the name %3 at %2.</source>
        <translation>%1 took the name %3 at %2.</translation>
    </message>
    <message>
        <source>%1 logged out at %2.</source>
        <translation>%1 logged out at %2.</translation>
    </message>
    <message>
        <source>%1 lost the connection at %2.</source>
        <translation>%1 lost the connection at %2.</translation>
    </message>
    <message>
        <source>%1 was disconnected at %2.</source>
        <translation>%1 was disconnected at %2.</translation>
    </message>
    <message>
        <source>You now act as the server&apos;s administrator %1, under your nickname.</source>
        <translation>You now act as the server&apos;s administrator %1, under your nickname.</translation>
    </message>
    <message>
        <source>*** To the administrators from %1: %2</source>
        <translation>*** To the administrators from %1: %2</translation>
    </message>
    <message>
        <source>Nobody enters %1 without an invitation.</source>
        <translation>Nobody enters %1 without an invitation.</translation>
    </message>
    <message numerus="yes">
        <source>Enter %1 without an invitation (%n):</source>
        <translation>
            <numerusform>Enter %1 without an invitation (%n):</numerusform>
            <numerusform>Enter %1 without an invitation (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>* %1 lets %2 into the room without an invitation.</source>
        <translation>* %1 lets %2 into the room without an invitation.</translation>
    </message>
    <message>
        <source>* %1 took back %2&apos;s entry without an invitation.</source>
        <translation>* %1 took back %2&apos;s entry without an invitation.</translation>
    </message>
    <message>
        <source>--- older: history %1 messages before %2 ---</source>
        <translation>--- older: history %1 messages before %2 ---</translation>
    </message>
    <message>
        <source>--- newer: history %1 messages after %2 ---</source>
        <translation>--- newer: history %1 messages after %2 ---</translation>
    </message>
    <message>
        <source>The bans of %1 hold for everyone.</source>
        <translation>The bans of %1 hold for everyone.</translation>
    </message>
    <message numerus="yes">
        <source>Let into %1 despite its bans (%n):</source>
        <translation>
            <numerusform>Let into %1 despite its bans (%n):</numerusform>
            <numerusform>Let into %1 despite its bans (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>* %1 lets %2 into the room even when a ban catches them.</source>
        <translation>* %1 lets %2 into the room even when a ban catches them.</translation>
    </message>
    <message>
        <source>* %1 took back %2&apos;s exemption from the room&apos;s bans.</source>
        <translation>* %1 took back %2&apos;s exemption from the room&apos;s bans.</translation>
    </message>
    <message>
        <source>* %1 stepped down from running the room.</source>
        <translation>* %1 stepped down from running the room.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message numerus="yes">
        <source>Chat: %n unread message(s)</source>
        <translation>
            <numerusform>Chat: %n unread message</numerusform>
            <numerusform>Chat: %n unread messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
</context>
<context>
    <name>UserListModel</name>
    <message>
        <source>owner of this room</source>
        <translation>owner of this room</translation>
    </message>
    <message>
        <source>operator of this room</source>
        <translation>operator of this room</translation>
    </message>
    <message>
        <source>muted: may read, not speak</source>
        <translation>muted: may read, not speak</translation>
    </message>
    <message>
        <source>away</source>
        <translation>away</translation>
    </message>
    <message>
        <source>connection dropped, place kept for a while</source>
        <translation>connection dropped, place kept for a while</translation>
    </message>
    <message>
        <source>server administrator</source>
        <translation>server administrator</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 (away)</source>
        <translation>%1 (away)</translation>
    </message>
    <message>
        <source>has a voice: may speak when the room is moderated</source>
        <translation>has a voice: may speak when the room is moderated</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>chat-server listening on %1 port %2</source>
        <translation>chat-server listening on %1 port %2</translation>
    </message>
    <message>
        <source>all addresses</source>
        <translation>all addresses</translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>no password on standard input</translation>
    </message>
    <message>
        <source>chat-server listening for TLS on %1 port %2</source>
        <translation>chat-server listening for TLS on %1 port %2</translation>
    </message>
    <message>
        <source>chat-server metrics on %1 port %2</source>
        <translation>chat-server metrics on %1 port %2</translation>
    </message>
    <message>
        <source>chat-server listening for IRC on %1 port %2</source>
        <translation>chat-server listening for IRC on %1 port %2</translation>
    </message>
    <message>
        <source>chat-server listening for IRC over TLS on %1 port %2</source>
        <translation>chat-server listening for IRC over TLS on %1 port %2</translation>
    </message>
    <message>
        <source>chat-server listening for browsers on %1 port %2</source>
        <translation>chat-server listening for browsers on %1 port %2</translation>
    </message>
</context>
</TS>
