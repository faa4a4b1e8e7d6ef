#!/usr/bin/env bash
# Makes what it takes to try HTTPS and client certificates with the stand-in, with openssl and
# keytool: a CA, a server certificate for localhost/127.0.0.1, a client certificate, and a
# trust store holding the CA. For trying things out only; SCB issues the real client certificate.
#
#   bin/make-test-pki.sh /tmp/pki                  # then, as the script prints at the end:
#   java -jar target/scb-delivery.jar simulate --port 8443 --tls-key-store /tmp/pki/server.p12 ...
set -euo pipefail
DIR=${1:?usage: bin/make-test-pki.sh DIR}
PASSWORD=${PKI_PASSWORD:-changeit}
DAYS=${PKI_DAYS:-30}
mkdir -p "$DIR"
cd "$DIR"
umask 077
printf '%s' "$PASSWORD" > password.txt

openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$DAYS" -subj "/CN=scb-delivery test CA" \
	-addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
	-keyout ca.key -out ca.crt 2> /dev/null
issue() { # $1 name, $2 subject, $3 extensions
	openssl req -newkey rsa:2048 -nodes -sha256 -subj "$2" -keyout "$1.key" -out "$1.csr" 2> /dev/null
	printf '%b' "$3" > "$1.ext"
	openssl x509 -req -sha256 -days "$DAYS" -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial \
		-extfile "$1.ext" -out "$1.crt" 2> /dev/null
	openssl pkcs12 -export -name "$1" -in "$1.crt" -inkey "$1.key" -certfile ca.crt \
		-passout "pass:$PASSWORD" -out "$1.p12"
}
issue server "/CN=localhost" "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
issue client "/CN=scb-delivery test client/O=999000-0045" "extendedKeyUsage=clientAuth\n"
rm -f trust.p12
keytool -importcert -noprompt -alias test-ca -file ca.crt -keystore trust.p12 -storetype PKCS12 \
	-storepass "$PASSWORD" > /dev/null 2>&1
rm -f ./*.csr ./*.ext ./*.srl

cat <<EOT
made in $PWD: ca.crt, server.p12, client.p12, trust.p12 (password in password.txt)
the stand-in, over HTTPS, requiring the client certificate:
  java -jar target/scb-delivery.jar simulate --port 8443 --tls-key-store $PWD/server.p12 \\
    --tls-key-store-password-file $PWD/password.txt --client-trust-store $PWD/trust.p12 \\
    --client-trust-store-password-file $PWD/password.txt
a delivery to it:
  java -jar target/scb-delivery.jar deliver --file F --org 999000-0045 --program VINN --period 2026-09-30 \\
    --format V40 --scb.gdb.base-url=https://localhost:8443/m2m/v2/ \\
    --scb.tls.key-store=$PWD/client.p12 --scb.tls.key-store-password-file=$PWD/password.txt \\
    --scb.tls.trust-store=$PWD/trust.p12 --scb.tls.trust-store-password-file=$PWD/password.txt
EOT
