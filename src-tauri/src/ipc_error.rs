//! Errors as the UI receives them: `{code, message, field?}`. The UI branches on `code`.

use serde::Serialize;
use switchboard_core::{Error, ErrorCode, ErrorReply};

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct IpcError(ErrorReply);

impl From<Error> for IpcError {
    fn from(error: Error) -> Self {
        // The log gets the English detail; the message never carries a secret value.
        tracing::warn!(code = ?error.code(), "{error}");
        IpcError(ErrorReply::from(error))
    }
}

impl IpcError {
    /// A failure of the platform (browser launch, clipboard) rather than of the core.
    pub fn internal(error: impl std::fmt::Display) -> Self {
        tracing::error!("{error}");
        IpcError(ErrorReply {
            detail: None,
            code: ErrorCode::Internal,
            message: error.to_string(),
            field: None,
            failure: None,
        })
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
