// SPDX-License-Identifier: MIT
#include "JoinedRooms.h"

#include "RoomState.h"

JoinedRooms::JoinedRooms(QObject *parent)
    : QObject(parent)
{
}

QStringList JoinedRooms::names() const
{
    QStringList names;
    for (const RoomState *state : m_rooms)
        names << state->room();
    return names;
}

bool JoinedRooms::contains(const QString &room) const
{
    return find(room) != nullptr;
}

const RoomState *JoinedRooms::room(const QString &room) const
{
    return find(room);
}

RoomState *JoinedRooms::find(const QString &room) const
{
    for (RoomState *state : m_rooms) {
        if (state->isHere(room))
            return state;
    }
    return nullptr;
}

RoomState *JoinedRooms::add(const QString &room)
{
    auto *state = new RoomState(room, this);
    connect(state, &RoomState::topicChanged, this,
            [this, room](const QString &topic) { emit topicChanged(room, topic); });
    const auto users = [this, state, room] {
        emit usersChanged(room, state->users(), state->userCount());
    };
    connect(state, &RoomState::usersChanged, this, users);
    connect(state, &RoomState::userCountChanged, this, users);
    connect(state, &RoomState::flagsChanged, this, [this, room] { emit flagsChanged(room); });
    connect(state, &RoomState::rulesChanged, this, [this, room] { emit rulesChanged(room); });
    m_rooms.append(state);
    emit entered(room);
    return state;
}

void JoinedRooms::apply(const Event &event, bool self)
{
    switch (event.kind) {
    case Event::Kind::NickChange:
        for (RoomState *state : m_rooms)
            state->apply(event, self);
        return;
    case Event::Kind::Join:
        if (self) {
            RoomState *state = find(event.room);
            if (!state)
                state = add(event.room);
            state->apply(event, self);
            setCurrent(state->room());
            return;
        }
        break;
    case Event::Kind::Leave:
        if (self) {
            RoomState *state = find(event.room);
            if (!state)
                return;
            const QString room = state->room();
            m_rooms.removeOne(state);
            delete state;
            emit left(room);
            if (m_current == room)
                setCurrent(m_rooms.isEmpty() ? QString() : m_rooms.last()->room());
            return;
        }
        break;
    default:
        break;
    }
    if (RoomState *state = find(event.room))
        state->apply(event, self);
}

void JoinedRooms::setCurrent(const QString &room)
{
    const RoomState *state = find(room);
    const QString name = state ? state->room() : QString();
    if (m_current == name)
        return;
    m_current = name;
    emit currentChanged(name);
}

void JoinedRooms::clear()
{
    while (!m_rooms.isEmpty()) {
        RoomState *state = m_rooms.takeLast();
        const QString room = state->room();
        delete state;
        emit left(room);
    }
    setCurrent({});
}
