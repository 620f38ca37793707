# Sourced by .ci/run: provides a PostgreSQL server for the tests that need one and exports
# SWITCHYARD_TEST_POSTGRES_URL. Installs Debian's `postgresql` when it is missing (as root; `apt-get update`
# once), starts the first cluster (creating one if there is none), and makes an idempotent role and database.
# Without root and without a server it does nothing: those tests then skip, or fail under CI=true.

ci_postgres_role=switchyard_ci
ci_postgres_password=switchyard_ci
ci_postgres_database=switchyard_ci

ci_as_postgres() {
  if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$*"; fi
}

ci_postgres() {
  if [ -n "${SWITCHYARD_TEST_POSTGRES_URL:-}" ]; then
    echo "ci: PostgreSQL from SWITCHYARD_TEST_POSTGRES_URL"
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "ci: not root, PostgreSQL is not set up here (set SWITCHYARD_TEST_POSTGRES_URL to run its tests)"
    return 0
  fi
  if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    echo "ci: installing PostgreSQL (Debian's postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || { echo "ci: apt-get update failed" >&2; return 1; }
    apt-get install -y -qq postgresql >/dev/null || { echo "ci: apt-get install postgresql failed" >&2; return 1; }
  fi
  local version cluster port status
  if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -1)
    pg_createcluster "$version" main >/dev/null || { echo "ci: pg_createcluster failed" >&2; return 1; }
  fi
  read -r version cluster port status _ < <(pg_lsclusters -h | head -1)
  if [ "$status" != "online" ]; then
    pg_ctlcluster "$version" "$cluster" start || { echo "ci: could not start PostgreSQL $version/$cluster" >&2; return 1; }
  fi
  local waited=0
  until pg_isready -q -h 127.0.0.1 -p "$port"; do
    waited=$((waited + 1))
    [ "$waited" -le 30 ] || { echo "ci: PostgreSQL did not accept connections on port $port" >&2; return 1; }
    sleep 1
  done
  ci_as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 -c "
    DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ci_postgres_role') THEN
        CREATE ROLE $ci_postgres_role LOGIN PASSWORD '$ci_postgres_password';
      ELSE
        ALTER ROLE $ci_postgres_role LOGIN PASSWORD '$ci_postgres_password';
      END IF;
    END \$\$;" >/dev/null || { echo "ci: could not create the role $ci_postgres_role" >&2; return 1; }
  if [ -z "$(ci_as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = '$ci_postgres_database'")" ]; then
    ci_as_postgres createdb -p "$port" -O "$ci_postgres_role" "$ci_postgres_database" ||
      { echo "ci: could not create the database $ci_postgres_database" >&2; return 1; }
  fi
  export SWITCHYARD_TEST_POSTGRES_URL="postgres://$ci_postgres_role:$ci_postgres_password@127.0.0.1:$port/$ci_postgres_database"
  echo "ci: PostgreSQL $version ($cluster) on port $port"
}
