//! Serving the router over TCP (HTTP/1.1), with the limits a public server needs and
//! `axum::serve` does not offer: it takes no header or idle timeout and no connection limit, so a
//! client that never finishes its request kept its connection (and a file descriptor) forever,
//! and once the process's file limit was reached even `/health` stopped answering.
//!
//! - **Header timeout** (hyper's `header_read_timeout`): a request's head must arrive within
//!   [`ServerLimits::header_timeout`] of the server starting to wait for it — on a new connection,
//!   and again after each answer on a kept-alive one, so it is also how long a kept-alive
//!   connection may stay idle.
//! - **Idle timeout** ([`Idle`]): a connection on which no byte moves either way for
//!   [`ServerLimits::idle_timeout`] while the server waits on it (a body that stops arriving, a
//!   client that stops reading its answer) is closed. Longer than the request timeout (30 s), so
//!   it never cuts a handler that is working.
//! - **Connection limit with room for health checks**: at most
//!   [`ServerLimits::max_connections`] connections are open at once. When all but
//!   [`ServerLimits::health_reserve`] are taken, a new connection is still accepted, but it only
//!   answers `/health` (and anything else with 503 and `Retry-After`), one request, no keep-alive —
//!   so a flood of slow clients cannot stop a load balancer from seeing the server alive, and the
//!   reserved slots free themselves at once. When the reserve is taken too, the server stops
//!   accepting until a slot frees (new connections wait in the kernel's queue, costing the process
//!   nothing). Chosen over a separate health port so that a load balancer checks the very port
//!   it sends citizens to.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderValue, Request, Response, StatusCode};
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};

/// Limits on connections (see the module documentation for what each protects against).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerLimits {
    /// Most connections open at once, the health reserve included. Keep it well under the
    /// process's file limit (`ulimit -n`; database connections and files need some too).
    pub max_connections: usize,
    /// How many of `max_connections` only a health check may use (at least 1 is kept).
    pub health_reserve: usize,
    /// A request's head (request line and headers) must arrive within this; also the longest a
    /// kept-alive connection waits idle for its next request.
    pub header_timeout: Duration,
    /// A connection on which no byte moves for this long while the server waits on it is closed.
    pub idle_timeout: Duration,
}

impl Default for ServerLimits {
    /// 800 connections (under the common default file limit of 1024), 16 of them for health
    /// checks; 15 s for a request's head; 60 s without a byte.
    fn default() -> Self {
        ServerLimits::with_max_connections(800)
    }
}

impl ServerLimits {
    /// The default timeouts with at most `max` connections (at least 4), a sixteenth of them
    /// (2 to 16) kept for health checks.
    pub fn with_max_connections(max: usize) -> ServerLimits {
        let max = max.max(4);
        ServerLimits { max_connections: max, health_reserve: (max / 16).clamp(2, 16), header_timeout: Duration::from_secs(15), idle_timeout: Duration::from_secs(60) }
    }
}

/// Serves `router` on `listener` until `shutdown` completes, then stops accepting, lets every
/// open connection finish its request (closing idle ones at once) and returns. Each request
/// carries the client's address as `ConnectInfo<SocketAddr>`, as with axum's
/// `into_make_service_with_connect_info`. Errors of single connections are not errors of the
/// server: they are logged at debug level and the connection is closed.
pub async fn serve(listener: TcpListener, router: Router, limits: ServerLimits, shutdown: impl Future<Output = ()> + Send) {
    // At least one slot of each kind, whatever the settings.
    let reserve = limits.health_reserve.clamp(1, limits.max_connections.saturating_sub(1).max(1));
    let full = limits.max_connections.saturating_sub(reserve).max(1);
    let general = Arc::new(Semaphore::new(full));
    let health = Arc::new(Semaphore::new(reserve));
    let (closing, closed) = watch::channel(false);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            _ = &mut shutdown => break,
            slot = take_slot(&general, &health) => slot,
        };
        let Some(slot) = slot else { break };
        let (stream, addr) = tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors or a connection reset before it was accepted:
                    // wait a moment rather than spin.
                    tracing::warn!(error = %e, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        // The slot was taken before the connection came; an ordinary one may have freed since.
        let slot = match slot {
            Slot { health_only: true, .. } => general.clone().try_acquire_owned().map_or(slot, |permit| Slot { health_only: false, _permit: permit }),
            slot => slot,
        };
        tokio::spawn(connection(stream, addr, slot, router.clone(), limits, closed.clone()));
    }
    let _ = closing.send(true);
    // Every connection holds a slot until it ends: all slots back means all connections done.
    let _ = general.acquire_many(full as u32).await;
    let _ = health.acquire_many(reserve as u32).await;
}

/// A connection's place: a full one, or one of the reserve that answers only health checks. The
/// place is given back when the slot is dropped, at the connection's end.
struct Slot {
    health_only: bool,
    _permit: OwnedSemaphorePermit,
}

/// A full slot if one is free, else a reserve one, else the first to free up. `None` only if the
/// semaphores were closed (they never are).
async fn take_slot(general: &Arc<Semaphore>, health: &Arc<Semaphore>) -> Option<Slot> {
    let full = |permit| Slot { health_only: false, _permit: permit };
    let health_only = |permit| Slot { health_only: true, _permit: permit };
    if let Ok(permit) = general.clone().try_acquire_owned() {
        return Some(full(permit));
    }
    if let Ok(permit) = health.clone().try_acquire_owned() {
        return Some(health_only(permit));
    }
    tokio::select! {
        permit = general.clone().acquire_owned() => permit.ok().map(full),
        permit = health.clone().acquire_owned() => permit.ok().map(health_only),
    }
}

async fn connection(stream: TcpStream, addr: SocketAddr, slot: Slot, router: Router, limits: ServerLimits, mut closing: watch::Receiver<bool>) {
    let _ = stream.set_nodelay(true);
    let health_only = slot.health_only;
    let service = hyper::service::service_fn(move |mut req: Request<Incoming>| {
        req.extensions_mut().insert(ConnectInfo(addr));
        let mut router = router.clone();
        async move {
            if health_only && req.uri().path() != "/health" {
                return Ok::<_, Infallible>(busy());
            }
            tower_service::Service::call(&mut router, req).await
        }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout).keep_alive(!health_only);
    let conn = builder.serve_connection(TokioIo::new(Idle::new(stream, limits.idle_timeout)), service);
    let mut conn = std::pin::pin!(conn);
    loop {
        tokio::select! {
            done = conn.as_mut() => {
                if let Err(e) = done {
                    tracing::debug!(error = %e, "connection ended with an error");
                }
                break;
            }
            changed = closing.changed() => {
                if changed.is_err() || *closing.borrow() {
                    conn.as_mut().graceful_shutdown();
                }
            }
        }
    }
    drop(slot);
}

/// The answer on a reserve slot to anything but `/health`: busy, try again shortly.
fn busy() -> Response<Body> {
    let mut response = Response::new(Body::from("Tjenesten har mange besøkende akkurat nå. Prøv igjen om litt. / The service is busy. Please try again shortly.\n"));
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    let headers = response.headers_mut();
    headers.insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// A connection that fails with `TimedOut` when the server waits on it (to read or to write) and
/// no byte has moved either way for `timeout`. Time in which nobody waits on it (a handler at
/// work) does not count against it until the next wait, and any byte moved starts the clock again.
struct Idle<T> {
    inner: T,
    timeout: Duration,
    deadline: Pin<Box<Sleep>>,
}

impl<T> Idle<T> {
    fn new(inner: T, timeout: Duration) -> Idle<T> {
        Idle { inner, timeout, deadline: Box::pin(tokio::time::sleep(timeout)) }
    }

    fn moved(&mut self) {
        let next = Instant::now() + self.timeout;
        self.deadline.as_mut().reset(next);
    }

    /// Called when the inner stream would block: an error once the deadline has passed.
    fn waiting(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Error> {
        match self.deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(std::io::Error::new(std::io::ErrorKind::TimedOut, "no data moved on the connection for the idle timeout")),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Idle<T> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        match Pin::new(&mut self.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                if buf.filled().len() > before {
                    self.moved();
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => self.waiting(cx).map(Err),
        }
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Idle<T> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write(cx, buf) {
            Poll::Ready(Ok(n)) => {
                if n > 0 {
                    self.moved();
                }
                Poll::Ready(Ok(n))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => self.waiting(cx).map(Err),
        }
    }

    fn poll_write_vectored(mut self: Pin<&mut Self>, cx: &mut Context<'_>, bufs: &[std::io::IoSlice<'_>]) -> Poll<std::io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write_vectored(cx, bufs) {
            Poll::Ready(Ok(n)) => {
                if n > 0 {
                    self.moved();
                }
                Poll::Ready(Ok(n))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => self.waiting(cx).map(Err),
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match Pin::new(&mut self.inner).poll_flush(cx) {
            Poll::Pending => self.waiting(cx).map(Err),
            done => done,
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match Pin::new(&mut self.inner).poll_shutdown(cx) {
            Poll::Pending => self.waiting(cx).map(Err),
            done => done,
        }
    }
}
