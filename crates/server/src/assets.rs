//! The dashboard: assets built by `scripts/web/build.sh` from `web/` and
//! embedded in the binary, so that nothing is loaded from elsewhere.

use std::sync::Arc;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::AppState;

/// `(path, content type, bytes)` of every embedded asset.
const ASSETS: [(&str, &str, &[u8]); 4] = [
    ("/", "text/html; charset=utf-8", include_bytes!("../assets/index.html")),
    ("/assets/app.js", "text/javascript; charset=utf-8", include_bytes!("../assets/app.js")),
    ("/assets/app.css", "text/css; charset=utf-8", include_bytes!("../assets/app.css")),
    ("/assets/licenses.txt", "text/plain; charset=utf-8", include_bytes!("../assets/licenses.txt")),
];

fn asset(content_type: &'static str, bytes: &'static [u8], html: bool) -> Response {
    let mut resp = bytes.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if html {
        h.insert(header::CONTENT_SECURITY_POLICY, crate::csp());
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    } else {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    }
    resp
}

/// Routes serving the dashboard.
pub(crate) fn routes() -> Router<Arc<AppState>> {
    let mut r = Router::new();
    for (path, ct, bytes) in ASSETS {
        let html = path == "/";
        r = r.route(path, get(move || async move { asset(ct, bytes, html) }));
    }
    r
}
