//! The HTTP response inside a WARC record, and turning a page's bytes into
//! text: transfer and content encodings undone, the character set read
//! from the header or the page's `<meta>`.

use std::io::Read;

/// An HTTP response as archived.
#[derive(Debug)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The `Content-Type` header, when present.
    pub content_type: Option<String>,
    /// The body, with chunking and gzip/deflate content encoding undone.
    pub body: Vec<u8>,
}

/// Parses an archived HTTP response. `limit` bounds the decoded body.
pub fn parse_http(block: &[u8], limit: u64) -> Result<HttpResponse, String> {
    let mut headers = [httparse::EMPTY_HEADER; 256];
    let mut response = httparse::Response::new(&mut headers);
    let body_start = match response.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err("HTTP headers cut short".to_string()),
        Err(err) => return Err(format!("not an HTTP response: {err}")),
    };
    let status = response.code.unwrap_or(0);
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let content_type = header("Content-Type");
    let mut body = block[body_start..].to_vec();
    if header("Transfer-Encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
        // Crawlers often store the body dechunked but keep the header.
        if let Some(joined) = dechunk(&body) {
            body = joined;
        }
    }
    let encoding = header("Content-Encoding").unwrap_or_default().to_ascii_lowercase();
    let body = decode_content(body, &encoding, limit)?;
    Ok(HttpResponse { status, content_type, body })
}

/// Undoes `Transfer-Encoding: chunked`; `None` when the bytes are not chunked.
fn dechunk(mut bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    loop {
        let line_end = bytes.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&bytes[..line_end]).ok()?;
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        bytes = &bytes[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(bytes.get(..size)?);
        bytes = bytes.get(size..)?;
        bytes = bytes.strip_prefix(b"\r\n").unwrap_or(bytes);
    }
}

fn decode_content(body: Vec<u8>, encoding: &str, limit: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let read = match encoding {
        "" | "identity" | "none" => return Ok(body),
        "gzip" | "x-gzip" => {
            flate2::read::MultiGzDecoder::new(&body[..]).take(limit + 1).read_to_end(&mut out)
        }
        "deflate" => {
            let zlib =
                flate2::read::ZlibDecoder::new(&body[..]).take(limit + 1).read_to_end(&mut out);
            if zlib.is_err() {
                out.clear();
                flate2::read::DeflateDecoder::new(&body[..]).take(limit + 1).read_to_end(&mut out)
            } else {
                zlib
            }
        }
        other => return Err(format!("content encoding {other:?} is not read")),
    };
    match read {
        // A body already decoded by the crawler but still labelled gzip.
        Err(_)
            if body.iter().take(512).all(|b| b.is_ascii() || *b >= 0x80)
                && !body.starts_with(&[0x1f, 0x8b]) =>
        {
            Ok(body)
        }
        Err(err) => Err(format!("cannot undo {encoding} encoding: {err}")),
        Ok(_) if out.len() as u64 > limit => {
            Err(format!("body decodes to more than {limit} bytes"))
        }
        Ok(_) => Ok(out),
    }
}

/// Whether a `Content-Type` names an HTML page.
pub fn is_html(content_type: Option<&str>) -> bool {
    let Some(ct) = content_type else { return false };
    let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    matches!(mime.as_str(), "text/html" | "application/xhtml+xml")
}

/// The page's text: UTF-8 (invalid bytes replaced), or Windows-1252
/// (which browsers use for Latin-1 and ASCII labels too). `None` for
/// another character set, which parley does not read.
pub fn decode_html(body: &[u8], content_type: Option<&str>) -> Option<String> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let label = content_type.and_then(charset_param).or_else(|| meta_charset(body));
    let label = label.map(|l| l.trim().trim_matches(['"', '\'']).to_ascii_lowercase());
    match label.as_deref() {
        None => Some(match std::str::from_utf8(body) {
            Ok(text) => text.to_string(),
            Err(_) => windows_1252(body),
        }),
        Some("utf-8" | "utf8" | "unicode-1-1-utf-8") => {
            Some(String::from_utf8_lossy(body).into_owned())
        }
        Some(
            "iso-8859-1" | "latin1" | "l1" | "iso8859-1" | "iso_8859-1" | "windows-1252" | "cp1252"
            | "x-cp1252" | "us-ascii" | "ascii",
        ) => Some(windows_1252(body)),
        Some(_) => None,
    }
}

fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().to_string())
    })
}

/// `<meta charset="...">` or `<meta http-equiv content="...; charset=...">`
/// in the page's first 4 KB.
fn meta_charset(body: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&body[..body.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")?;
    let rest = head[at + "charset=".len()..].trim_start_matches(['"', '\'', ' ']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_string())
}

/// Windows-1252: Latin-1 with printable characters in 0x80-0x9F.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_and_gzipped_bodies_are_decoded() {
        let raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n6\r\n world\r\n0\r\n\r\n";
        let response = parse_http(raw, 1000).expect("parses");
        assert_eq!(response.status, 200);
        assert_eq!(response.body, b"Hello world");
        assert!(is_html(response.content_type.as_deref()));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"<p>zipped</p>").expect("gz");
        let mut raw = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        raw.extend(gz.finish().expect("gz"));
        assert_eq!(parse_http(&raw, 1000).expect("parses").body, b"<p>zipped</p>");
        assert!(parse_http(b"GET / HTTP/1.1\r\n\r\n", 1000).is_err());
    }

    #[test]
    fn character_sets_come_from_the_header_or_the_page() {
        assert_eq!(
            decode_html(b"caf\xe9", Some("text/html; charset=ISO-8859-1")).as_deref(),
            Some("café")
        );
        assert_eq!(
            decode_html(b"<meta charset=\"windows-1252\">\x93hi\x94", None).as_deref(),
            Some("<meta charset=\"windows-1252\">“hi”")
        );
        assert_eq!(decode_html("naïve".as_bytes(), None).as_deref(), Some("naïve"));
        assert_eq!(decode_html(b"\x82\xa0", Some("text/html; charset=Shift_JIS")), None);
    }
}
