#!/usr/bin/env bash
# Backups of PCMD's PostgreSQL database (issue 17, point 7): a logical dump of the primary with pg_dump, and its restore.
#   scripts/backup.sh dump FILE [pg_dump connection options]       e.g. -h db1 -p 5432 -U pcmd -d pcmd
#   scripts/backup.sh restore FILE [pg_restore connection options]  into an EMPTY database (created beforehand)
# The connection can also come from libpq's variables (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD or ~/.pgpass).
# The dump is consistent (one snapshot) and taken while the application runs. It holds the personal data only as the
# application encrypted it, and the cookie-signing keys only encrypted: the two keys (Pcmd__PersonalDataKey,
# Pcmd__KeyEncryptionKey) are never in the database, so never in a dump — keep them apart (README, "Backups").
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
cmd=${1:-}; file=${2:-}
[ -n "$cmd" ] && [ -n "$file" ] || { echo "usage: $0 dump|restore FILE [connection options]" >&2; exit 2; }
shift 2
case "$cmd" in
  # Custom format: compressed, restorable table by table; --no-owner so it restores under any role.
  dump) "$BIN/pg_dump" --format=custom --no-owner --no-privileges --file="$file" "$@"
        echo "$file: $(du -h "$file" | cut -f1)" ;;
  restore) "$BIN/pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction "$@" "$file" ;;
  *) echo "usage: $0 dump|restore FILE [connection options]" >&2; exit 2 ;;
esac
