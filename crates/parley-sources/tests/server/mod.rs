//! A small HTTP/1.1 server on a local port for the watch tests: routes
//! set (and changed) by the test, ETags honoured with 304, delays, and a
//! log of what was asked.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone)]
pub struct Route {
    status: u16,
    content_type: String,
    body: String,
    etag: Option<String>,
    delay: Duration,
}

impl Route {
    pub fn ok(content_type: &str, body: String) -> Route {
        Route {
            status: 200,
            content_type: content_type.to_string(),
            body,
            etag: None,
            delay: Duration::ZERO,
        }
    }
    pub fn etag(mut self, etag: &str) -> Route {
        self.etag = Some(etag.to_string());
        self
    }
    pub fn delay(mut self, delay: Duration) -> Route {
        self.delay = delay;
        self
    }
}

#[derive(Clone, Debug)]
pub struct Request {
    pub path: String,
    pub if_none_match: Option<String>,
    pub user_agent: String,
    pub at: Instant,
}

pub struct Server {
    pub base: String,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    log: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let routes: Arc<Mutex<HashMap<String, Route>>> = Arc::default();
        let log: Arc<Mutex<Vec<Request>>> = Arc::default();
        let (r, l) = (Arc::clone(&routes), Arc::clone(&log));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, l) = (Arc::clone(&r), Arc::clone(&l));
                std::thread::spawn(move || serve(stream, &r, &l));
            }
        });
        Server { base, routes, log }
    }

    pub fn route(&self, path: &str, route: Route) {
        self.routes.lock().expect("routes").insert(path.to_string(), route);
    }

    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().expect("log").clone()
    }
}

fn serve(stream: TcpStream, routes: &Mutex<HashMap<String, Route>>, log: &Mutex<Vec<Request>>) {
    let at = Instant::now();
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let target = first.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split('?').next().unwrap_or("/").to_string();
    let (mut if_none_match, mut user_agent) = (None, String::new());
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "if-none-match" => if_none_match = Some(value.trim().to_string()),
                "user-agent" => user_agent = value.trim().to_string(),
                _ => {}
            }
        }
    }
    log.lock().expect("log").push(Request {
        path: path.clone(),
        if_none_match: if_none_match.clone(),
        user_agent,
        at,
    });
    let route = routes.lock().expect("routes").get(&path).cloned();
    let mut stream = stream;
    let response = match route {
        None => "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found"
            .to_string(),
        Some(route) => {
            std::thread::sleep(route.delay);
            if route.etag.is_some() && route.etag == if_none_match {
                "HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n".to_string()
            } else {
                let etag = route.etag.map(|e| format!("ETag: {e}\r\n")).unwrap_or_default();
                format!(
                    "HTTP/1.1 {} OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n{etag}Connection: close\r\n\r\n{}",
                    route.status,
                    route.content_type,
                    route.body.len(),
                    route.body
                )
            }
        }
    };
    let _ = stream.write_all(response.as_bytes());
    let _ = stream.flush();
}
