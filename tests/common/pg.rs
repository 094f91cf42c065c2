//! A throwaway PostgreSQL cluster for a test: Debian's `postgresql` package (`initdb`,
//! `pg_ctl`), a data folder and a socket folder in a temporary directory, no TCP, trust
//! authentication for the superuser `postgres`, stopped and removed when dropped. Run as
//! root (a container, CI), the server runs as the `postgres` account the package made.
//!
//! Outside CI a machine without the package skips the test with a message saying what to
//! install; in CI (`CI` set) a missing package fails it.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Cluster {
    dir: PathBuf,
    /// The temporary directory removed on drop; `None` for a kept cluster (a benchmark's).
    _temp: Option<tempfile::TempDir>,
    bin: PathBuf,
    as_postgres: bool,
}

/// The newest `initdb` of the machine: Debian keeps them in /usr/lib/postgresql/N/bin.
fn binaries() -> Option<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let version = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

impl Cluster {
    /// A running cluster with a database `pepite`, or `None` (the test says why and
    /// returns) when PostgreSQL is not installed outside CI.
    pub fn start(test: &str) -> Option<Cluster> {
        let temp = tempfile::Builder::new()
            .prefix("pepite-pg-")
            .tempdir()
            .expect("temp dir");
        let dir = temp.path().to_owned();
        Cluster::open(test, dir, Some(temp))
    }

    /// A cluster kept in `dir` from one run to the next (made the first time).
    #[allow(dead_code)]
    pub fn kept(test: &str, dir: PathBuf) -> Option<Cluster> {
        std::fs::create_dir_all(&dir).expect("dir");
        Cluster::open(test, dir, None)
    }

    fn open(test: &str, dir: PathBuf, temp: Option<tempfile::TempDir>) -> Option<Cluster> {
        let Some(bin) = binaries() else {
            let message = format!(
                "{test}: PostgreSQL introuvable (/usr/lib/postgresql/*/bin/initdb) : \
                 installez le paquet Debian « postgresql » (apt-get install postgresql) \
                 pour lancer ce test"
            );
            assert!(std::env::var_os("CI").is_none(), "{message}");
            eprintln!("SKIPPED {message}");
            return None;
        };
        let as_postgres = is_root();
        if as_postgres {
            let owned = Command::new("chown")
                .args(["postgres:postgres"])
                .arg(&dir)
                .status()
                .expect("chown");
            assert!(owned.success(), "chown postgres");
        }
        let cluster = Cluster {
            dir,
            _temp: temp,
            bin,
            as_postgres,
        };
        let data = cluster.data();
        let fresh = !data.join("PG_VERSION").exists();
        if fresh {
            cluster.run(
                "initdb",
                &[
                    "-D",
                    data.to_str().expect("path"),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ],
            );
        }
        cluster.resume();
        if fresh {
            let mut admin = cluster.client("postgres");
            admin
                .batch_execute("CREATE DATABASE pepite")
                .expect("create database");
        }
        Some(cluster)
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    fn socket(&self) -> &Path {
        &self.dir
    }

    fn run(&self, program: &str, args: &[&str]) {
        let binary = self.bin.join(program);
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&binary);
            c
        } else {
            Command::new(&binary)
        };
        let output = command.args(args).output().expect(program);
        assert!(
            output.status.success(),
            "{program}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// Starts (again) the server.
    pub fn resume(&self) {
        let data = self.data();
        let options = format!(
            "-k {} -p 5432 -c listen_addresses='' -c fsync=off -c full_page_writes=off",
            self.socket().display()
        );
        let log = self.dir.join("log");
        self.run(
            "pg_ctl",
            &[
                "-D",
                data.to_str().expect("path"),
                "-o",
                &options,
                "-l",
                log.to_str().expect("path"),
                "-w",
                "start",
            ],
        );
    }

    /// Stops the server at once (as a crash or a cut network would).
    pub fn halt(&self) {
        let data = self.data();
        self.run(
            "pg_ctl",
            &[
                "-D",
                data.to_str().expect("path"),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        );
    }

    /// The URL of database `db` as user `user`.
    pub fn url_as(&self, user: &str, db: &str) -> String {
        let socket = self.socket().display().to_string().replace('/', "%2F");
        format!("postgresql://{user}@{socket}:5432/{db}")
    }

    /// The URL of the `pepite` database as the superuser.
    pub fn url(&self) -> String {
        self.url_as("postgres", "pepite")
    }

    /// A superuser connection to `db`.
    pub fn client(&self, db: &str) -> postgres::Client {
        self.url_as("postgres", db)
            .parse::<postgres::Config>()
            .expect("url")
            .connect(postgres::NoTls)
            .expect("connect")
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        let binary = self.bin.join("pg_ctl");
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&binary);
            c
        } else {
            Command::new(&binary)
        };
        let _ = command
            .args([
                "-D",
                data.to_str().unwrap_or_default(),
                "-m",
                "immediate",
                "stop",
            ])
            .output();
    }
}
