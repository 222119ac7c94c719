// SPDX-License-Identifier: MIT
// bench-relay: the physical limit of fan-out on this machine, for bench/compare.sh. A bare C
// epoll loop that speaks just enough IRC for chat-bench (NICK/USER → 001, JOIN → 366, PING →
// PONG) and copies every PRIVMSG line to every other member of its channel. Each socket's
// output is one contiguous buffer that keeps its capacity, sent with one send() per socket and
// loop iteration after all ready input was read. No limits, no checks, no history: whatever
// chat-server spends beyond this is the price of being a chat server rather than a pipe.
//   bench-relay [--port N]   (0, the default: any free port, printed as "listening on port N")
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

enum { InputBytes = 16384, NickBytes = 32, MaxEvents = 512 };

struct Buffer
{
    char *data;
    size_t size, capacity, sent;
};

struct Client
{
    int open, channel, dirty, waiting; // waiting: EPOLLOUT armed
    char nick[NickBytes];
    char input[InputBytes];
    size_t inputSize;
    struct Buffer output;
};

struct Channel
{
    char name[64];
    int *members, count, capacity;
};

static struct Client **clients; // by descriptor
static int clientSlots;
static struct Channel *channels;
static int channelCount;
static int *dirty, dirtyCount, dirtyCapacity;
static int epollFd;

static void *grow(void *array, int *capacity, int need, size_t itemSize)
{
    if (need <= *capacity)
        return array;
    int next = *capacity ? *capacity : 16;
    while (next < need)
        next *= 2;
    array = realloc(array, (size_t)next * itemSize);
    if (!array)
        abort();
    *capacity = next;
    return array;
}

static void append(int fd, const char *bytes, size_t size)
{
    struct Client *c = clients[fd];
    struct Buffer *b = &c->output;
    if (b->size + size > b->capacity) {
        size_t next = b->capacity ? b->capacity : 4096;
        while (next < b->size + size)
            next *= 2;
        b->data = realloc(b->data, next);
        if (!b->data)
            abort();
        b->capacity = next;
    }
    memcpy(b->data + b->size, bytes, size);
    b->size += size;
    if (!c->dirty && !c->waiting) {
        c->dirty = 1;
        dirty = grow(dirty, &dirtyCapacity, dirtyCount + 1, sizeof *dirty);
        dirty[dirtyCount++] = fd;
    }
}

static void appendText(int fd, const char *text)
{
    append(fd, text, strlen(text));
}

static void closeClient(int fd)
{
    struct Client *c = clients[fd];
    if (c->channel >= 0) {
        struct Channel *ch = &channels[c->channel];
        for (int i = 0; i < ch->count; ++i) {
            if (ch->members[i] == fd) {
                ch->members[i] = ch->members[--ch->count];
                break;
            }
        }
    }
    close(fd);
    free(c->output.data);
    free(c);
    clients[fd] = NULL;
}

static void flushClient(int fd)
{
    struct Client *c = clients[fd];
    struct Buffer *b = &c->output;
    while (b->sent < b->size) {
        const ssize_t n = send(fd, b->data + b->sent, b->size - b->sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != EAGAIN) {
            c->open = 0;
            return;
        }
        if (n < 0 || (size_t)n < b->size - b->sent) {
            b->sent += n > 0 ? (size_t)n : 0;
            if (!c->waiting) {
                struct epoll_event event = {.events = EPOLLIN | EPOLLOUT, .data.fd = fd};
                epoll_ctl(epollFd, EPOLL_CTL_MOD, fd, &event);
                c->waiting = 1;
            }
            return;
        }
        b->sent += (size_t)n;
    }
    b->size = b->sent = 0; // the capacity stays for the next pass
    if (c->waiting) {
        struct epoll_event event = {.events = EPOLLIN, .data.fd = fd};
        epoll_ctl(epollFd, EPOLL_CTL_MOD, fd, &event);
        c->waiting = 0;
    }
}

static int findChannel(const char *name, size_t length)
{
    for (int i = 0; i < channelCount; ++i) {
        if (strlen(channels[i].name) == length && memcmp(channels[i].name, name, length) == 0)
            return i;
    }
    static int capacity;
    channels = grow(channels, &capacity, channelCount + 1, sizeof *channels);
    struct Channel *ch = &channels[channelCount];
    memset(ch, 0, sizeof *ch);
    snprintf(ch->name, sizeof ch->name, "%.*s", (int)length, name);
    return channelCount++;
}

static void handleLine(int fd, char *line, size_t length)
{
    struct Client *c = clients[fd];
    char reply[256];
    if (length > 5 && memcmp(line, "NICK ", 5) == 0) {
        snprintf(c->nick, sizeof c->nick, "%.*s", (int)(length - 5), line + 5);
    } else if (length > 5 && memcmp(line, "USER ", 5) == 0) {
        snprintf(reply, sizeof reply, ":relay 001 %s :welcome\r\n", c->nick);
        appendText(fd, reply);
    } else if (length > 5 && memcmp(line, "JOIN ", 5) == 0) {
        const int index = findChannel(line + 5, length - 5);
        struct Channel *ch = &channels[index];
        ch->members = grow(ch->members, &ch->capacity, ch->count + 1, sizeof *ch->members);
        ch->members[ch->count++] = fd;
        c->channel = index;
        snprintf(reply, sizeof reply, ":relay 366 %s %s :End of /NAMES list.\r\n", c->nick,
                 ch->name);
        appendText(fd, reply);
    } else if (length > 8 && memcmp(line, "PRIVMSG ", 8) == 0 && c->channel >= 0) {
        // ":nick PRIVMSG #room :text\r\n", built once, copied to every other member.
        char out[1024];
        const int size = snprintf(out, sizeof out, ":%s %.*s\r\n", c->nick, (int)length, line);
        if (size <= 0 || size >= (int)sizeof out)
            return;
        const struct Channel *ch = &channels[c->channel];
        for (int i = 0; i < ch->count; ++i) {
            if (ch->members[i] != fd)
                append(ch->members[i], out, (size_t)size);
        }
    } else if (length > 5 && memcmp(line, "PING ", 5) == 0) {
        snprintf(reply, sizeof reply, "PONG %.*s\r\n", (int)(length - 5), line + 5);
        appendText(fd, reply);
    }
}

static void readClient(int fd)
{
    struct Client *c = clients[fd];
    const ssize_t n = recv(fd, c->input + c->inputSize, InputBytes - c->inputSize, 0);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        c->open = 0;
        return;
    }
    if (n < 0)
        return;
    c->inputSize += (size_t)n;
    size_t start = 0;
    for (size_t i = 0; i < c->inputSize; ++i) {
        if (c->input[i] != '\n')
            continue;
        size_t end = i;
        if (end > start && c->input[end - 1] == '\r')
            --end;
        handleLine(fd, c->input + start, end - start);
        start = i + 1;
    }
    if (start == 0 && c->inputSize == InputBytes)
        start = c->inputSize; // a line longer than the buffer: dropped
    memmove(c->input, c->input + start, c->inputSize - start);
    c->inputSize -= start;
}

static void acceptClients(int listener)
{
    for (;;) {
        const int fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return;
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (fd >= clientSlots) {
            const int old = clientSlots;
            clients = grow(clients, &clientSlots, fd + 1, sizeof *clients);
            memset(clients + old, 0, (size_t)(clientSlots - old) * sizeof *clients);
        }
        struct Client *c = calloc(1, sizeof *c);
        if (!c)
            abort();
        c->open = 1;
        c->channel = -1;
        clients[fd] = c;
        struct epoll_event event = {.events = EPOLLIN, .data.fd = fd};
        epoll_ctl(epollFd, EPOLL_CTL_ADD, fd, &event);
    }
}

int main(int argc, char **argv)
{
    int port = 0;
    for (int i = 1; i + 1 < argc; ++i) {
        if (strcmp(argv[i], "--port") == 0)
            port = atoi(argv[i + 1]);
    }
    const int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET,
                                  .sin_port = htons((uint16_t)port),
                                  .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t length = sizeof address;
    if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0 ||
        listen(listener, SOMAXCONN) != 0 ||
        getsockname(listener, (struct sockaddr *)&address, &length) != 0) {
        perror("bench-relay");
        return 1;
    }
    printf("bench-relay: listening on 127.0.0.1 port %d\n", ntohs(address.sin_port));
    fflush(stdout);

    epollFd = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event event = {.events = EPOLLIN, .data.fd = listener};
    epoll_ctl(epollFd, EPOLL_CTL_ADD, listener, &event);
    struct epoll_event events[MaxEvents];
    for (;;) {
        const int count = epoll_wait(epollFd, events, MaxEvents, -1);
        for (int i = 0; i < count; ++i) {
            const int fd = events[i].data.fd;
            if (fd == listener) {
                acceptClients(listener);
                continue;
            }
            if (!clients[fd] || !clients[fd]->open)
                continue;
            if (events[i].events & EPOLLOUT)
                flushClient(fd);
            if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                readClient(fd);
        }
        // One send per socket for everything this iteration gave it.
        for (int i = 0; i < dirtyCount; ++i) {
            const int fd = dirty[i];
            if (!clients[fd])
                continue;
            clients[fd]->dirty = 0;
            if (clients[fd]->open)
                flushClient(fd);
        }
        dirtyCount = 0;
        for (int i = 0; i < count; ++i) {
            const int fd = events[i].data.fd;
            if (fd != listener && clients[fd] && !clients[fd]->open)
                closeClient(fd);
        }
    }
}
