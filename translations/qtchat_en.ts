<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CommandTable</name>
    <message>
        <source>Log in with a nickname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say something to the room (plain text does the same).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe an action, shown as &quot;* nick waves&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show who is in this room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show everyone logged in and the room each is in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the rooms with their member counts and topics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a room and enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an existing room, leaving the one you are in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a private message that only that person sees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your nickname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the room&apos;s topic, or set it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the commands, or explain one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show your settings, or change one: time on|off, tagged on|off, lang en|zh_CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the server answers; it replies pong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the server&apos;s ping.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Event</name>
    <message>
        <source>That line is not valid UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control characters are not allowed in text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid label: use 1-32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one called %1 is logged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no room called %1 (list shows the rooms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room %1 already exists: use join %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no text to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That line is too long (the limit is %1 bytes); it was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command: %1 (help lists the commands).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid nickname: use up to %2 letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nickname %1 is already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are already in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in first: login &lt;nick&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are already logged in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid room name: use up to %2 letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That topic is too long (the limit is %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerOptions</name>
    <message>
        <source>A chat server for telnet, nc and the chat-client desktop program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP port to listen on (0 picks a free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address to listen on (default: every IPv4 and IPv6 address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server name shown in the greeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest line a client may send, in bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid port: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid line limit (64 to 1048576 bytes): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat-server listening on %1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
