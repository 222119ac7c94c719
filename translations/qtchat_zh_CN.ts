<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommandTable</name>
    <message>
        <source>Log in with a nickname.</source>
        <translation>用昵称登录。</translation>
    </message>
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
        <source>Show everyone logged in and the room each is in.</source>
        <translation>查看所有在线用户及其所在房间。</translation>
    </message>
    <message>
        <source>Show the rooms with their member counts and topics.</source>
        <translation>列出所有房间及其人数和话题。</translation>
    </message>
    <message>
        <source>Create a room and enter it.</source>
        <translation>创建一个房间并进入。</translation>
    </message>
    <message>
        <source>Enter an existing room, leaving the one you are in.</source>
        <translation>进入一个已有房间，并离开当前房间。</translation>
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
        <source>Show your settings, or change one: time on|off, tagged on|off, lang en|zh_CN.</source>
        <translation>查看或修改你的设置：time on|off，tagged on|off，lang en|zh_CN。</translation>
    </message>
    <message>
        <source>Check that the server answers; it replies pong.</source>
        <translation>检查服务器是否响应；它会回复 pong。</translation>
    </message>
    <message>
        <source>Answer the server&apos;s ping.</source>
        <translation>回应服务器的 ping。</translation>
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
        <source>&quot;%1&quot; is not a valid nickname: use up to %2 letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</source>
        <translation>“%1”不是有效的昵称：最多 %2 个字母、数字、“_”或“-”，并以字母、数字或“_”开头。</translation>
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
        <source>&quot;%1&quot; is not a valid room name: use up to %2 letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter, digit or &apos;_&apos;.</source>
        <translation>“%1”不是有效的房间名：最多 %2 个字母、数字、“_”或“-”，并以字母、数字或“_”开头。</translation>
    </message>
    <message>
        <source>That topic is too long (the limit is %1 characters).</source>
        <translation>话题太长（上限为 %1 个字符）。</translation>
    </message>
    <message>
        <source>Error %1.</source>
        <translation>错误 %1。</translation>
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
        <source>Server name shown in the greeting.</source>
        <translation>欢迎语中显示的服务器名称。</translation>
    </message>
    <message>
        <source>Longest line a client may send, in bytes.</source>
        <translation>客户端可发送的最长一行（字节）。</translation>
    </message>
    <message>
        <source>Invalid port: %1</source>
        <translation>端口无效：%1</translation>
    </message>
    <message>
        <source>Invalid address: %1</source>
        <translation>地址无效：%1</translation>
    </message>
    <message>
        <source>Invalid line limit (64 to 1048576 bytes): %1</source>
        <translation>行长度上限无效（64 到 1048576 字节）：%1</translation>
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
</context>
<context>
    <name>main</name>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>无法在 %1 的端口 %2 上监听：%3</translation>
    </message>
    <message>
        <source>chat-server listening on %1 port %2</source>
        <translation>chat-server 正在 %1 的端口 %2 上监听</translation>
    </message>
    <message>
        <source>all addresses</source>
        <translation>所有地址</translation>
    </message>
</context>
</TS>
