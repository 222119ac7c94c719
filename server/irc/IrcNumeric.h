// SPDX-License-Identifier: MIT
#pragma once

// The numeric replies of RFC 2812 (and the IRCv3 ones) that the IRC front end sends, by name.
namespace IrcNumeric {

inline constexpr int Welcome = 1;             // RPL_WELCOME
inline constexpr int YourHost = 2;            // RPL_YOURHOST
inline constexpr int Created = 3;             // RPL_CREATED
inline constexpr int MyInfo = 4;              // RPL_MYINFO
inline constexpr int ISupport = 5;            // RPL_ISUPPORT
inline constexpr int Time = 391;              // RPL_TIME
inline constexpr int NoSuchNick = 401;        // ERR_NOSUCHNICK
inline constexpr int NoSuchServer = 402;      // ERR_NOSUCHSERVER
inline constexpr int NoSuchChannel = 403;     // ERR_NOSUCHCHANNEL
inline constexpr int NoOrigin = 409;          // ERR_NOORIGIN
inline constexpr int UnknownCommand = 421;    // ERR_UNKNOWNCOMMAND
inline constexpr int NoNicknameGiven = 431;   // ERR_NONICKNAMEGIVEN
inline constexpr int ErroneousNickname = 432; // ERR_ERRONEUSNICKNAME
inline constexpr int NicknameInUse = 433;     // ERR_NICKNAMEINUSE
inline constexpr int NotRegistered = 451;     // ERR_NOTREGISTERED
inline constexpr int NeedMoreParams = 461;    // ERR_NEEDMOREPARAMS
inline constexpr int AlreadyRegistered = 462; // ERR_ALREADYREGISTERED
inline constexpr int PasswordMismatch = 464;  // ERR_PASSWDMISMATCH
inline constexpr int InvalidCapCommand = 410; // ERR_INVALIDCAPCMD (IRCv3)
inline constexpr int InvalidModeParam = 696;  // ERR_INVALIDMODEPARAM (modern IRC)
inline constexpr int HelpStart = 704;         // RPL_HELPSTART (modern IRC)
inline constexpr int HelpText = 705;          // RPL_HELPTXT (modern IRC)
inline constexpr int EndOfHelp = 706;         // RPL_ENDOFHELP (modern IRC)
inline constexpr int LoggedIn = 900;          // RPL_LOGGEDIN
inline constexpr int SaslSuccess = 903;       // RPL_SASLSUCCESS
inline constexpr int SaslFail = 904;          // ERR_SASLFAIL
inline constexpr int SaslTooLong = 905;       // ERR_SASLTOOLONG
inline constexpr int SaslAborted = 906;       // ERR_SASLABORTED
inline constexpr int SaslAlready = 907;       // ERR_SASLALREADY
inline constexpr int SaslMechanisms = 908;    // RPL_SASLMECHS

} // namespace IrcNumeric
