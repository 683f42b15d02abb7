//! The fault gate in front of each vendor's routes, and the listener that lets it drop a
//! connection: every accepted socket carries a `ConnectionTap`; cutting it makes the socket fail
//! its writes, so the server closes it without sending a byte of the answer.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::connect_info::Connected;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::serve::{IncomingStream, Listener};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

use crate::faults::{Vendor, Verdict};
use crate::server::Emu;

/// Cuts one client connection.
#[derive(Debug, Clone, Default)]
pub(crate) struct ConnectionTap(Arc<AtomicBool>);

impl ConnectionTap {
    fn cut(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    fn is_cut(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// A TCP stream that stops reading and writing once its tap is cut.
#[derive(Debug)]
pub(crate) struct TappedStream {
    inner: TcpStream,
    tap: ConnectionTap,
}

impl AsyncRead for TappedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.tap.is_cut() {
            return Poll::Ready(Ok(()));
        }
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for TappedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.tap.is_cut() {
            return Poll::Ready(Err(io::ErrorKind::BrokenPipe.into()));
        }
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Accepts TCP connections and wraps each in a `TappedStream`.
#[derive(Debug)]
pub(crate) struct TapListener(pub TcpListener);

impl Listener for TapListener {
    type Io = TappedStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            match self.0.accept().await {
                Ok((stream, addr)) => {
                    // Small JSON answers: do not wait for Nagle.
                    let _ = stream.set_nodelay(true);
                    let tapped = TappedStream {
                        inner: stream,
                        tap: ConnectionTap::default(),
                    };
                    return (tapped, addr);
                }
                // Per-connection failures (reset before accept, no file descriptors): wait a
                // little rather than spin, then keep serving.
                Err(error) => {
                    tracing::debug!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            }
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.0.local_addr()
    }
}

impl Connected<IncomingStream<'_, TapListener>> for ConnectionTap {
    fn connect_info(stream: IncomingStream<'_, TapListener>) -> Self {
        stream.io().tap.clone()
    }
}

/// Applies the vendor's faults before its handlers run.
pub(crate) async fn fault_gate(
    State((emu, vendor)): State<(Arc<Emu>, Vendor)>,
    request: Request,
    next: Next,
) -> Response {
    let (latency, verdict) = emu.faults.judge(vendor);
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    match verdict {
        Verdict::Serve => next.run(request).await,
        Verdict::Drop => {
            match request.extensions().get::<ConnectInfo<ConnectionTap>>() {
                Some(ConnectInfo(tap)) => tap.cut(),
                None => tracing::warn!("connection tap missing; answering 502 instead"),
            }
            StatusCode::BAD_GATEWAY.into_response()
        }
        Verdict::Throttle(throttle) => match vendor {
            Vendor::Zoom => crate::zoom::throttled(&throttle),
            Vendor::Cxone => crate::cxone::throttled(&throttle),
            Vendor::Salesforce => crate::salesforce::throttled(),
            Vendor::Genesys => crate::genesys::throttled(&throttle),
        },
        Verdict::ServerError(status) => match vendor {
            Vendor::Zoom => crate::zoom::server_error(status),
            Vendor::Cxone => crate::cxone::server_error(status),
            Vendor::Salesforce => crate::salesforce::server_error(status),
            Vendor::Genesys => crate::genesys::server_error(status),
        },
    }
}

/// The `Retry-After` header value for a throttled answer, if the chosen form has one.
pub(crate) fn retry_after_value(throttle: &crate::faults::Throttle) -> Option<String> {
    use crate::faults::RetryAfter;
    match throttle.retry_after {
        RetryAfter::Seconds => Some(throttle.wait.as_secs().to_string()),
        RetryAfter::HttpDate => Some(crate::clock::http_date_in(throttle.wait)),
        RetryAfter::IsoDate => Some(crate::clock::iso8601(
            crate::clock::now_unix() + throttle.wait.as_secs() as i64,
        )),
        RetryAfter::Absent => None,
    }
}
