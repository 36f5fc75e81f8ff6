//! Writing transactions, and on SQLite the one writer they share: a turn taken in order, and
//! group commit.
//!
//! SQLite lets one connection write at a time, and a commit costs a durable write of the log
//! (`synchronous = FULL`: an fsync). Writers in this process therefore take turns (an async FIFO
//! lock, [`Writer`]), and writers who queue behind one another share one transaction and one
//! commit:
//!
//! 1. The first writer to find no transaction open begins one (`BEGIN IMMEDIATE`) on a pooled
//!    connection; a writer who finds one open (its writers all finished, waiting for the commit)
//!    joins it in a savepoint, so that its own rollback undoes only its own work.
//! 2. [`WriteTx::commit`] releases the savepoint, puts the writer on the group's list, passes the
//!    turn on, and queues a commit behind the writers already waiting. Those join the group; the
//!    first commit to come up commits all of it and answers every writer on the list.
//! 3. A writer hears "committed" only after the group's `COMMIT` returned, so "once the receipt is
//!    shown, it survives kill -9" holds as before. If the commit fails, every writer in the group
//!    hears the error, and none of their work is kept.
//!
//! A single statement that writes ([`Turn::write_one`]) commits on its own when nobody is queued,
//! and otherwise runs in the group's transaction and waits for its commit like the others.
//!
//! With one writer at a time nothing waits: the commit comes up at once. With fifty, one fsync
//! serves the writers who queued during the last one, so sends per second can pass the rate of
//! one-row commits (issue 13, "Sending costs what it must").
//!
//! Commits and clean-ups run in tasks of their own, so a request cancelled half-way (a client that
//! hung up) cannot leave the group open or other writers without an answer.
//!
//! PostgreSQL needs none of this: its row locks let writers run side by side, and its own group
//! commit merges concurrent fsyncs. There a [`WriteTx`] is a plain transaction.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

use sqlx::any::{AnyArguments, AnyQueryResult};
use sqlx::query::Query;
use sqlx::{Any, AnyPool, Executor};
use tokio::sync::{oneshot, Mutex, OwnedMutexGuard};

/// At most this many writers share one commit, so that a writer's wait for its commit stays
/// bounded when writers keep coming.
const MOST_PER_GROUP: usize = 64;

/// What a writer in a group hears of the group's commit.
type Answer = std::result::Result<(), GroupError>;

/// The group's commit failed; every writer in it gets this (an `sqlx::Error` cannot be cloned).
#[derive(Debug, Clone)]
struct GroupError {
    message: String,
    /// The database was away or full (kept so that `StoreError::is_unavailable` still answers).
    unavailable: bool,
}

impl GroupError {
    fn of(e: &sqlx::Error) -> GroupError {
        GroupError { message: e.to_string(), unavailable: crate::sqlx_is_unavailable(e) }
    }

    fn into_sqlx(self) -> sqlx::Error {
        if self.unavailable {
            sqlx::Error::Io(std::io::Error::other(self.message))
        } else {
            sqlx::Error::Protocol(self.message)
        }
    }
}

/// SQLite's writer, shared by a store's clones: whose turn it is (the lock) and the transaction
/// that the current group of writers shares.
#[derive(Default)]
pub(crate) struct Writer {
    group: Option<Group>,
    /// Commits made (each one fsync), for tests and benches that check that writers share them.
    commits: Arc<AtomicU64>,
}

/// One open transaction and the writers whose work is done in it. (A `sqlx::Transaction`, not a
/// bare connection: dropped without a commit — a writer cancelled while it began — it rolls back
/// before its connection is used again.)
struct Group {
    tx: sqlx::Transaction<'static, Any>,
    /// Writers who began in this transaction (finished or not).
    joined: usize,
    /// Writers whose work is done, each waiting to hear of the commit.
    waiting: Vec<oneshot::Sender<Answer>>,
}

/// The shared writer of a SQLite store (cheap to clone): the writer behind its lock, and how many
/// writers are queued for it.
#[derive(Clone, Default)]
pub(crate) struct Turn(Arc<Mutex<Writer>>, Arc<AtomicUsize>);

/// Counts a writer as queued for the turn until it has it (or gave up waiting).
struct Queued(Arc<AtomicUsize>);

impl Queued {
    fn enter(count: &Arc<AtomicUsize>) -> Queued {
        count.fetch_add(1, Ordering::Relaxed);
        Queued(count.clone())
    }
}

impl Drop for Queued {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Commits the group in a task of its own if a writer that wrote in it is dropped before it is
/// on the group's list (a cancelled request), so that the group is not left open.
struct CommitIfDropped(Option<Turn>);

impl Drop for CommitIfDropped {
    fn drop(&mut self) {
        let Some(turn) = self.0.take() else { return };
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                let mut writer = turn.0.lock_owned().await;
                commit_apart(&mut writer).await;
            });
        }
    }
}

impl Turn {
    /// Commits made so far on this store's writer.
    pub(crate) async fn commits(&self) -> u64 {
        self.0.lock().await.commits.load(Ordering::Relaxed)
    }

    /// Takes the turn and begins (or joins) the group's transaction.
    async fn begin(&self, pool: &AnyPool) -> Result<WriteTx, sqlx::Error> {
        let queued = Queued::enter(&self.1);
        let mut writer = self.0.clone().lock_owned().await;
        drop(queued);
        if writer.group.as_ref().is_some_and(|g| g.joined >= MOST_PER_GROUP) {
            commit_apart(&mut writer).await;
        }
        let savepoint = match writer.group.as_mut() {
            Some(group) => {
                group.tx.execute("SAVEPOINT writer").await?;
                group.joined += 1;
                true
            }
            None => {
                let tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                writer.group = Some(Group { tx, joined: 1, waiting: Vec::new() });
                false
            }
        };
        Ok(WriteTx { inner: Inner::Sqlite { writer: Some(writer), savepoint, turn: self.clone() } })
    }

    /// Runs one statement that writes, durably: alone (no group open, nobody queued) as its own
    /// commit; else in the group's transaction (one statement needs no savepoint: if it fails,
    /// SQLite undoes just it), returning once the group's commit has.
    pub(crate) async fn write_one<'q>(&self, pool: &AnyPool, query: Query<'q, Any, AnyArguments<'q>>) -> Result<AnyQueryResult, sqlx::Error> {
        let queued = Queued::enter(&self.1);
        let mut writer = self.0.clone().lock_owned().await;
        drop(queued);
        if writer.group.is_none() && self.1.load(Ordering::Relaxed) == 0 {
            let done = query.execute(&mut *pool.acquire().await?).await;
            if done.is_ok() {
                writer.commits.fetch_add(1, Ordering::Relaxed);
            }
            return done;
        }
        if writer.group.as_ref().is_some_and(|g| g.joined >= MOST_PER_GROUP) {
            commit_apart(&mut writer).await;
        }
        if writer.group.is_none() {
            let tx = pool.begin_with("BEGIN IMMEDIATE").await?;
            writer.group = Some(Group { tx, joined: 0, waiting: Vec::new() });
        }
        let mut abandoned = CommitIfDropped(Some(self.clone()));
        let group = writer.group.as_mut().expect("a group is open");
        group.joined += 1;
        let done = query.execute(&mut *group.tx).await;
        abandoned.0 = None;
        match done {
            Ok(result) => {
                let (answer, heard) = oneshot::channel();
                tokio::spawn(finish(writer, End::Began, answer, self.clone()));
                hear(heard).await?;
                Ok(result)
            }
            Err(e) => {
                // Began the group and nobody else is in it: nothing to keep open for.
                if group.waiting.is_empty() && group.joined == 1 {
                    let _ = writer.group.take().expect("a group is open").tx.rollback().await;
                } else {
                    drop(writer);
                    drop(CommitIfDropped(Some(self.clone())));
                }
                Err(e)
            }
        }
    }
}

/// Commits the open group, if any, in a task of its own (a cancelled caller cannot stop it half
/// way and leave its writers without an answer), while the caller keeps the turn.
async fn commit_apart(writer: &mut Writer) {
    if let Some(group) = writer.group.take() {
        let commits = writer.commits.clone();
        let _ = tokio::spawn(commit_group(group, commits)).await;
    }
}

/// `COMMIT`, then every waiting writer hears how it went. A failed commit is rolled back.
async fn commit_group(group: Group, commits: Arc<AtomicU64>) {
    let Group { tx, waiting, .. } = group;
    let answer = match tx.commit().await {
        Ok(()) => {
            commits.fetch_add(1, Ordering::Relaxed);
            Ok(())
        }
        Err(e) => Err(GroupError::of(&e)),
    };
    for writer in waiting {
        let _ = writer.send(answer.clone());
    }
}

/// Undoes one writer's work: its savepoint, or the whole transaction when it began it (then no
/// other writer is in it). If the savepoint cannot be undone, the group's transaction is in an
/// unknown state: it is rolled back and its waiting writers hear so.
async fn roll_back_writer(writer: &mut Writer, savepoint: bool) -> Result<(), sqlx::Error> {
    let Some(group) = writer.group.as_mut() else { return Ok(()) };
    if savepoint {
        match group.tx.execute("ROLLBACK TO writer; RELEASE writer").await {
            Ok(_) => Ok(()),
            Err(e) => {
                let group = writer.group.take().expect("group");
                abandon(group, &e).await;
                Err(e)
            }
        }
    } else {
        writer.group.take().expect("group").tx.rollback().await
    }
}

/// Rolls the group's transaction back and tells its waiting writers that it failed.
async fn abandon(group: Group, e: &sqlx::Error) {
    let _ = group.tx.rollback().await;
    let answer = Err(GroupError::of(e));
    for writer in group.waiting {
        let _ = writer.send(answer.clone());
    }
}

/// A transaction that writes ([`crate::Store::begin_write`]). Use it as the connection it runs on
/// (`.execute(&mut *tx)`, or pass `&mut tx` where a `&mut AnyConnection` is asked for), then
/// [`WriteTx::commit`]; dropped without a commit, it rolls back. On SQLite it holds the store's
/// write turn until it is committed or rolled back, and may share its commit with other writers
/// (see the module's documentation).
pub(crate) struct WriteTx {
    inner: Inner,
}

enum Inner {
    /// `None` once committed or rolled back.
    Postgres(Option<sqlx::Transaction<'static, Any>>),
    Sqlite {
        /// The turn, held until commit or rollback (`None` once given up).
        writer: Option<OwnedMutexGuard<Writer>>,
        /// Whether this writer joined an open group (in a savepoint) rather than began it.
        savepoint: bool,
        turn: Turn,
    },
}

impl WriteTx {
    pub(crate) async fn begin(pool: &AnyPool, turn: Option<&Turn>) -> Result<WriteTx, sqlx::Error> {
        match turn {
            Some(turn) => turn.begin(pool).await,
            None => Ok(WriteTx { inner: Inner::Postgres(Some(pool.begin().await?)) }),
        }
    }

    /// Makes the transaction's writes durable; returns once they are (on SQLite, once the commit
    /// of the group it joined returned). On error none of them are kept.
    pub(crate) async fn commit(mut self) -> Result<(), sqlx::Error> {
        match &mut self.inner {
            Inner::Postgres(tx) => tx.take().expect("an open WriteTx").commit().await,
            Inner::Sqlite { writer, savepoint, turn } => {
                let held = writer.take().expect("a WriteTx holds the turn until it ends");
                let (answer, heard) = oneshot::channel();
                let end = if *savepoint { End::Release } else { End::Began };
                tokio::spawn(finish(held, end, answer, turn.clone()));
                hear(heard).await
            }
        }
    }

    /// Undoes the transaction's writes (only this writer's, on SQLite). A writer that joined a
    /// group on SQLite may have read what the writers before it wrote, not yet committed (a second
    /// "send" finding the draft already sent): it returns once their commit has, so that what it
    /// answers from that reading is durable too, and an error if that commit failed.
    pub(crate) async fn rollback(mut self) -> Result<(), sqlx::Error> {
        match &mut self.inner {
            Inner::Postgres(tx) => tx.take().expect("an open WriteTx").rollback().await,
            Inner::Sqlite { writer, savepoint: false, .. } => {
                let mut held = writer.take().expect("a WriteTx holds the turn until it ends");
                roll_back_writer(&mut held, false).await
            }
            Inner::Sqlite { writer, savepoint: true, turn } => {
                let held = writer.take().expect("a WriteTx holds the turn until it ends");
                let (answer, heard) = oneshot::channel();
                tokio::spawn(finish(held, End::Undo, answer, turn.clone()));
                hear(heard).await
            }
        }
    }
}

/// How a writer on SQLite ends its part of a group.
enum End {
    /// It began the group's transaction: nothing to release.
    Began,
    /// It joined in a savepoint and commits: release it.
    Release,
    /// It joined in a savepoint and rolls back: undo it, then wait for the others' commit.
    Undo,
}

/// A writer's end on SQLite, in a task of its own so that the request's cancellation cannot cut
/// it short: end its savepoint, wait on the group's list with the turn passed on, and queue a
/// commit behind the writers already waiting for the turn (the first such commit to come up
/// commits the group; the later ones find nothing open).
async fn finish(mut held: OwnedMutexGuard<Writer>, end: End, answer: oneshot::Sender<Answer>, turn: Turn) {
    let sql = match end {
        End::Began => None,
        End::Release => Some("RELEASE writer"),
        End::Undo => Some("ROLLBACK TO writer; RELEASE writer"),
    };
    if let Some(sql) = sql {
        let group = held.group.as_mut().expect("a writer's group is open");
        if let Err(e) = group.tx.execute(sql).await {
            let group = held.group.take().expect("a writer's group is open");
            abandon(group, &e).await;
            let _ = answer.send(Err(GroupError::of(&e)));
            return;
        }
    }
    held.group.as_mut().expect("a writer's group is open").waiting.push(answer);
    drop(held);
    let mut writer = turn.0.lock_owned().await;
    if let Some(group) = writer.group.take() {
        commit_group(group, writer.commits.clone()).await;
    }
}

async fn hear(heard: oneshot::Receiver<Answer>) -> Result<(), sqlx::Error> {
    match heard.await {
        Ok(answer) => answer.map_err(GroupError::into_sqlx),
        Err(_) => Err(sqlx::Error::Protocol("the shared commit ended without an answer".into())),
    }
}

impl Drop for WriteTx {
    /// Ended without commit or rollback (an error returned early, or a cancelled request): the
    /// writer's work is undone in a task that keeps the turn until it is.
    fn drop(&mut self) {
        let Inner::Sqlite { writer, savepoint, .. } = &mut self.inner else { return };
        let Some(mut held) = writer.take() else { return };
        let savepoint = *savepoint;
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(async move {
                    let _ = roll_back_writer(&mut held, savepoint).await;
                });
            }
            // No runtime left (shutting down): the dropped transaction rolls back.
            Err(_) => drop(held.group.take()),
        }
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &sqlx::AnyConnection {
        match &self.inner {
            Inner::Postgres(tx) => tx.as_ref().expect("an open WriteTx"),
            Inner::Sqlite { writer, .. } => &writer.as_ref().and_then(|w| w.group.as_ref()).expect("an open WriteTx").tx,
        }
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut sqlx::AnyConnection {
        match &mut self.inner {
            Inner::Postgres(tx) => tx.as_mut().expect("an open WriteTx"),
            Inner::Sqlite { writer, .. } => &mut writer.as_mut().and_then(|w| w.group.as_mut()).expect("an open WriteTx").tx,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::time::Duration;

    use sqlx::Row;

    use crate::{testing, Store};

    async fn store() -> (Store, testing::TestDatabase) {
        let db = testing::sqlite();
        let store = Store::connect(&db.url).await.unwrap();
        store.write_one(sqlx::query("CREATE TABLE scratch (x TEXT PRIMARY KEY)")).await.unwrap();
        store.write_one(sqlx::query("CREATE TABLE scratch_child (x TEXT REFERENCES scratch (x) DEFERRABLE INITIALLY DEFERRED)")).await.unwrap();
        (store, db)
    }

    async fn kept(store: &Store) -> Vec<String> {
        let rows = sqlx::query("SELECT x FROM scratch ORDER BY x").fetch_all(&store.pool).await.unwrap();
        rows.iter().map(|r| r.get::<String, _>("x")).collect()
    }

    /// A writer that inserts `x`, then (when asked) fails with a duplicate key and drops its
    /// transaction, as a use case returning an error does.
    async fn writer(store: Store, x: &'static str, fail: bool) -> Result<(), String> {
        let mut tx = store.begin_write().await.map_err(|e| e.to_string())?;
        sqlx::query("INSERT INTO scratch (x) VALUES ($1)").bind(x).execute(&mut *tx).await.map_err(|e| e.to_string())?;
        if fail {
            sqlx::query("INSERT INTO scratch (x) VALUES ($1)").bind(x).execute(&mut *tx).await.map_err(|e| e.to_string())?;
        }
        tx.commit().await.map_err(|e| e.to_string())
    }

    /// Holds the turn with `a` written while the given writers queue behind it, then commits.
    async fn behind_a(store: &Store, writers: Vec<tokio::task::JoinHandle<Result<(), String>>>) -> Vec<Result<(), String>> {
        let mut first = store.begin_write().await.unwrap();
        sqlx::query("INSERT INTO scratch (x) VALUES ('a')").execute(&mut *first).await.unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
        let mut answers = vec![first.commit().await.map_err(|e| e.to_string())];
        for w in writers {
            answers.push(w.await.unwrap());
        }
        answers
    }

    #[tokio::test]
    async fn writers_queued_behind_one_another_share_one_commit() {
        let (store, _db) = store().await;
        let before = store.sqlite_commits().await.unwrap();
        let writers = ["b", "c", "d", "e"].into_iter().map(|x| tokio::spawn(writer(store.clone(), x, false))).collect();
        let answers = behind_a(&store, writers).await;
        assert!(answers.iter().all(Result::is_ok), "{answers:?}");
        assert_eq!(kept(&store).await, ["a", "b", "c", "d", "e"]);
        assert_eq!(store.sqlite_commits().await.unwrap() - before, 1, "five writers queued together, one commit");
    }

    #[tokio::test]
    async fn a_writer_that_fails_or_is_cancelled_undoes_only_its_own_work() {
        let (store, _db) = store().await;
        let cancelled = {
            let store = store.clone();
            tokio::spawn(async move {
                let mut tx = store.begin_write().await.unwrap();
                sqlx::query("INSERT INTO scratch (x) VALUES ('z')").execute(&mut *tx).await.unwrap();
                std::future::pending::<()>().await;
            })
        };
        let writers = vec![tokio::spawn(writer(store.clone(), "b", false)), tokio::spawn(writer(store.clone(), "c", true)), tokio::spawn(writer(store.clone(), "d", false))];
        let mut first = store.begin_write().await.unwrap();
        sqlx::query("INSERT INTO scratch (x) VALUES ('a')").execute(&mut *first).await.unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
        let first = tokio::spawn(first.commit());
        // The writer to be cancelled holds the turn now (it queued first), with its row written.
        tokio::time::sleep(Duration::from_millis(100)).await;
        cancelled.abort();
        first.await.unwrap().unwrap();
        let answers: Vec<_> = futures_answers(writers).await;
        assert!(answers[0].is_ok() && answers[2].is_ok(), "{answers:?}");
        assert!(answers[1].as_ref().is_err_and(|e| e.contains("UNIQUE")), "{answers:?}");
        // The cancelled writer held the turn; once its task is gone, its row is undone and writers go on.
        tokio::time::timeout(Duration::from_secs(5), writer(store.clone(), "e", false)).await.unwrap().unwrap();
        assert_eq!(kept(&store).await, ["a", "b", "d", "e"]);
    }

    #[tokio::test]
    async fn when_the_shared_commit_fails_every_writer_in_it_hears_so_and_nothing_is_kept() {
        let (store, _db) = store().await;
        let breaking = {
            let store = store.clone();
            tokio::spawn(async move {
                let mut tx = store.begin_write().await.map_err(|e| e.to_string())?;
                // A deferred foreign key is checked only at COMMIT: the group's commit fails.
                sqlx::query("INSERT INTO scratch_child (x) VALUES ('nowhere')").execute(&mut *tx).await.map_err(|e| e.to_string())?;
                tx.commit().await.map_err(|e| e.to_string())
            })
        };
        let writers = vec![breaking, tokio::spawn(writer(store.clone(), "c", false))];
        let answers = behind_a(&store, writers).await;
        assert!(answers.iter().all(Result::is_err), "{answers:?}");
        assert!(kept(&store).await.is_empty());
        writer(store.clone(), "d", false).await.unwrap();
        assert_eq!(kept(&store).await, ["d"]);
    }

    async fn one(store: Store, x: &'static str) -> Result<(), String> {
        store.write_one(sqlx::query("INSERT INTO scratch (x) VALUES ($1)").bind(x)).await.map(|_| ()).map_err(|e| e.to_string())
    }

    #[tokio::test]
    async fn single_statements_alone_commit_on_their_own_and_queued_ones_share_the_commit() {
        let (store, _db) = store().await;
        let before = store.sqlite_commits().await.unwrap();
        one(store.clone(), "a").await.unwrap();
        assert_eq!(store.sqlite_commits().await.unwrap() - before, 1);
        let writers = vec![
            tokio::spawn(one(store.clone(), "b")),
            tokio::spawn(one(store.clone(), "a")),
            tokio::spawn(writer(store.clone(), "c", false)),
            tokio::spawn(one(store.clone(), "d")),
        ];
        let mut first = store.begin_write().await.unwrap();
        sqlx::query("INSERT INTO scratch (x) VALUES ('e')").execute(&mut *first).await.unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
        first.commit().await.unwrap();
        let answers = futures_answers(writers).await;
        assert!(answers[0].is_ok() && answers[2].is_ok() && answers[3].is_ok(), "{answers:?}");
        assert!(answers[1].as_ref().is_err_and(|e| e.contains("UNIQUE")), "a failing statement fails alone: {answers:?}");
        assert_eq!(kept(&store).await, ["a", "b", "c", "d", "e"]);
        assert_eq!(store.sqlite_commits().await.unwrap() - before, 2, "the four queued behind one writer shared its commit");
    }

    async fn futures_answers(writers: Vec<tokio::task::JoinHandle<Result<(), String>>>) -> Vec<Result<(), String>> {
        let mut answers = Vec::new();
        for w in writers {
            answers.push(w.await.unwrap());
        }
        answers
    }
}
