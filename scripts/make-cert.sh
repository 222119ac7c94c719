#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Makes a self-signed certificate and key for trying the TLS listener:
#   scripts/make-cert.sh [hostname] [directory]      (defaults: this host's name, ./tls)
# then: chat-server --tls-cert DIR/cert.pem --tls-key DIR/key.pem
# chat-client shows the certificate's fingerprint the first time and remembers your answer.
set -euo pipefail
host=${1:-$(hostname)}
dir=${2:-tls}
mkdir -p "$dir"
umask 077
openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days 825 \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" \
    -subj "/CN=$host" -addext "subjectAltName=DNS:$host,DNS:localhost,IP:127.0.0.1,IP:::1" 2>/dev/null
echo "Wrote $dir/cert.pem and $dir/key.pem for $host. SHA-256 fingerprint:"
openssl x509 -in "$dir/cert.pem" -noout -fingerprint -sha256
