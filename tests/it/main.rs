//! Integration tests: the real app on a real PostgreSQL, through HTTP and headless Chromium.

mod admin;
mod auth;
mod browser;
mod knowledge;
mod networks;
mod security;
mod support;
mod workspace;
