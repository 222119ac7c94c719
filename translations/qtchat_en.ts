<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CommandTable</name>
    <message>
        <source>Log in with a nickname.</source>
        <translation>Log in with a nickname.</translation>
    </message>
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
        <source>Show everyone logged in and the room each is in.</source>
        <translation>Show everyone logged in and the room each is in.</translation>
    </message>
    <message>
        <source>Show the rooms with their member counts and topics.</source>
        <translation>Show the rooms with their member counts and topics.</translation>
    </message>
    <message>
        <source>Create a room and enter it.</source>
        <translation>Create a room and enter it.</translation>
    </message>
    <message>
        <source>Enter an existing room, leaving the one you are in.</source>
        <translation>Enter an existing room, leaving the one you are in.</translation>
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
        <source>Show your settings, or change one: time on|off, tagged on|off, lang en|zh_CN.</source>
        <translation>Show your settings, or change one: time on|off, tagged on|off, lang en|zh_CN.</translation>
    </message>
    <message>
        <source>Check that the server answers; it replies pong.</source>
        <translation>Check that the server answers; it replies pong.</translation>
    </message>
    <message>
        <source>Answer the server&apos;s ping.</source>
        <translation>Answer the server&apos;s ping.</translation>
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
        <source>&quot;%1&quot; is not a valid nickname: use up to %2 letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</source>
        <translation>&quot;%1&quot; is not a valid nickname: use up to %2 letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</translation>
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
        <source>&quot;%1&quot; is not a valid room name: use up to %2 letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</source>
        <translation>&quot;%1&quot; is not a valid room name: use up to %2 letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</translation>
    </message>
    <message>
        <source>That topic is too long (the limit is %1 characters).</source>
        <translation>That topic is too long (the limit is %1 characters).</translation>
    </message>
    <message>
        <source>Error %1.</source>
        <translation>Error %1.</translation>
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
        <source>Server name shown in the greeting.</source>
        <translation>Server name shown in the greeting.</translation>
    </message>
    <message>
        <source>Longest line a client may send, in bytes.</source>
        <translation>Longest line a client may send, in bytes.</translation>
    </message>
    <message>
        <source>Invalid port: %1</source>
        <translation>Invalid port: %1</translation>
    </message>
    <message>
        <source>Invalid address: %1</source>
        <translation>Invalid address: %1</translation>
    </message>
    <message>
        <source>Invalid line limit (64 to 1048576 bytes): %1</source>
        <translation>Invalid line limit (64 to 1048576 bytes): %1</translation>
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
</context>
<context>
    <name>main</name>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>cannot listen on %1 port %2: %3</translation>
    </message>
    <message>
        <source>chat-server listening on %1 port %2</source>
        <translation>chat-server listening on %1 port %2</translation>
    </message>
    <message>
        <source>all addresses</source>
        <translation>all addresses</translation>
    </message>
</context>
</TS>
