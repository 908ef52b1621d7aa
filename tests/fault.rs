//! Fault injection and concurrency: SIGKILL at random moments, two writers at
//! once, a reader holding the database. Every outcome is the complete old
//! file or the complete new one, and no temporary file outlives the next run.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{leftover_temp_files, repo, temp};
use statusdb::transfer::Status;

const KILLS: usize = 50;
/// Kills to go on with, when the first `KILLS` did not show both outcomes.
const MORE_KILLS: usize = 100;

/// Whether to kill again: `KILLS` times, then on until both outcomes were
/// seen (a run that never saw one has not tested that case).
fn again(kills: usize, saw_old: usize, saw_new: usize) -> bool {
    kills < KILLS || (kills < KILLS + MORE_KILLS && (saw_old == 0 || saw_new == 0))
}

/// How long to let the `kills`-th run go: up to `window`, and past `KILLS`
/// up to twice that, so that a machine busier than when the window was
/// measured still lets some runs finish.
fn delay(rng: &mut Lcg, window: Duration, kills: usize) -> Duration {
    rng.below(if kills > KILLS { window * 2 } else { window })
}

/// A small deterministic generator, so a failing run can be repeated.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, limit: Duration) -> Duration {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        limit.mul_f64((self.0 >> 11) as f64 / (1u64 << 53) as f64)
    }
}

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_statusdb"));
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

fn copy_sources(to: &Path) {
    for dir in ["locales", "data"] {
        common::copy_tree(&repo().join(dir), &to.join(dir));
    }
}

fn build(root: &Path, out: &Path) -> Child {
    bin().args(common::build_args(root, out)).spawn().unwrap()
}

fn assert_sound(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

/// Sources whose database differs from the repository's in one string.
fn two_versions(dir: &Path) -> (PathBuf, Vec<u8>, Vec<u8>) {
    copy_sources(dir);
    let out = dir.join("out/statusdb.sqlite");
    std::fs::create_dir(dir.join("out")).unwrap();
    assert!(build(dir, &out).wait().unwrap().success());
    let old = std::fs::read(&out).unwrap();
    let ui = dir.join("locales/ru/ui.ftl");
    let text = std::fs::read_to_string(&ui)
        .unwrap()
        .replace("Описание", "Подробное описание");
    std::fs::write(&ui, text).unwrap();
    let new_path = dir.join("new.sqlite");
    assert!(build(dir, &new_path).wait().unwrap().success());
    (out, old, std::fs::read(new_path).unwrap())
}

#[test]
fn a_killed_build_leaves_the_old_or_the_new_database() {
    let dir = temp();
    let (out, old, new) = two_versions(dir.path());
    let started = Instant::now();
    assert!(build(dir.path(), &out).wait().unwrap().success());
    let window = started.elapsed().mul_f64(1.2);
    let mut rng = Lcg(7);
    let (mut kills, mut saw_old, mut saw_new) = (0, 0, 0);
    while again(kills, saw_old, saw_new) {
        kills += 1;
        std::fs::write(&out, &old).unwrap();
        let mut child = build(dir.path(), &out);
        std::thread::sleep(delay(&mut rng, window, kills));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read(&out).unwrap();
        assert!(
            now == old || now == new,
            "the database is neither the old nor the new one"
        );
        assert_sound(&out);
        if now == old {
            saw_old += 1
        } else {
            saw_new += 1
        }
    }
    assert!(build(dir.path(), &out).wait().unwrap().success());
    assert_eq!(
        leftover_temp_files(out.parent().unwrap()),
        Vec::<String>::new()
    );
    eprintln!("{kills} kills: {saw_old} left the old database, {saw_new} the new one");
    assert!(
        saw_old > 0 && saw_new > 0,
        "{kills} kills never left the {} database",
        if saw_old == 0 { "old" } else { "new" }
    );
}

#[test]
fn a_killed_import_leaves_each_file_old_or_new() {
    let dir = temp();
    let root = dir.path().join("tree");
    common::copy_tree(&repo().join("tests/fixtures/transfer"), &root);
    common::copy_tree(
        &repo().join("tests/fixtures/transfer"),
        &dir.path().join("done"),
    );
    let csv = dir.path().join("ru.csv");
    let mut rows: Vec<_> =
        statusdb::transfer::export::units(&load(&root, "en"), &load(&root, "ru"));
    for row in rows
        .iter_mut()
        .filter(|r| r.status == Some(Status::Missing))
    {
        row.translation = format!("Перевод {}", row.key);
    }
    std::fs::write(&csv, statusdb::transfer::csvfile::write(&rows, false)).unwrap();
    let import = |tree: &Path| {
        bin()
            .arg("import")
            .arg(&csv)
            .args(["--locale", "ru", "--locales"])
            .arg(tree)
            .spawn()
            .unwrap()
    };
    // The kill window is the time of a real import; a second run on the
    // imported tree changes nothing and is too quick to time by.
    let started = Instant::now();
    assert!(import(&dir.path().join("done")).wait().unwrap().success());
    let window = started.elapsed().mul_f64(1.5);
    let files = ["app.ftl", "bom.ftl", "crlf.ftl", "new.ftl"];
    let version = |tree: &Path, f: &str| std::fs::read(tree.join("ru").join(f)).ok();
    let old: Vec<_> = files.iter().map(|f| version(&root, f)).collect();
    let new: Vec<_> = files
        .iter()
        .map(|f| version(&dir.path().join("done"), f))
        .collect();
    let mut rng = Lcg(11);
    let (mut kills, mut saw_old, mut saw_new) = (0, 0, 0);
    while again(kills, saw_old, saw_new) {
        kills += 1;
        for (f, bytes) in files.iter().zip(&old) {
            match bytes {
                Some(bytes) => std::fs::write(root.join("ru").join(f), bytes).unwrap(),
                None => drop(std::fs::remove_file(root.join("ru").join(f))),
            }
        }
        let mut child = import(&root);
        std::thread::sleep(delay(&mut rng, window, kills));
        let _ = child.kill();
        let _ = child.wait();
        let now: Vec<_> = files.iter().map(|f| version(&root, f)).collect();
        for (i, f) in files.iter().enumerate() {
            assert!(
                now[i] == old[i] || now[i] == new[i],
                "ru/{f} is neither the old nor the new version"
            );
        }
        saw_old += usize::from(now == old);
        saw_new += usize::from(now == new);
    }
    eprintln!("{kills} kills: {saw_old} left every old file, {saw_new} every new one");
    assert!(
        saw_old > 0 && saw_new > 0,
        "{kills} kills never left every file {}",
        if saw_old == 0 { "old" } else { "new" }
    );
    assert!(import(&root).wait().unwrap().success());
    assert_eq!(leftover_temp_files(&root.join("ru")), Vec::<String>::new());
}

fn load(root: &Path, tag: &str) -> statusdb::source::Locale {
    let tree = statusdb::source::tree::load(root, &[tag.parse().unwrap()]).unwrap();
    tree.locales.into_iter().next().unwrap()
}

#[test]
fn two_builds_at_once_leave_a_valid_database() {
    let dir = temp();
    let (out, _, new) = two_versions(dir.path());
    for _ in 0..5 {
        let (mut a, mut b) = (build(dir.path(), &out), build(dir.path(), &out));
        assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
        assert_sound(&out);
        assert_eq!(std::fs::read(&out).unwrap(), new);
    }
    assert_eq!(
        leftover_temp_files(out.parent().unwrap()),
        Vec::<String>::new()
    );
}

#[test]
fn a_reader_keeps_its_snapshot_while_a_build_replaces_the_file() {
    let dir = temp();
    let (out, old, _) = two_versions(dir.path());
    std::fs::write(&out, &old).unwrap();
    let reader = rusqlite::Connection::open(&out).unwrap();
    let heading = |conn: &rusqlite::Connection| -> String {
        conn.query_row(
            "SELECT value FROM ui_text WHERE locale = 'ru' AND key = 'heading-description'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(heading(&reader), "Описание");
    assert!(build(dir.path(), &out).wait().unwrap().success());
    assert_eq!(
        heading(&reader),
        "Описание",
        "the open reader still sees the file it opened"
    );
    assert_eq!(
        heading(&rusqlite::Connection::open(&out).unwrap()),
        "Подробное описание"
    );
}
