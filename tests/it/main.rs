//! Integration tests: the real app on a real PostgreSQL, through HTTP and headless Chromium.

mod admin;
mod assets;
mod auth;
mod browser;
mod browser_funding;
mod funding;
mod goals;
mod indicators;
mod knowledge;
mod layers;
mod measures;
mod networks;
mod operations;
mod partners;
mod security;
mod support;
mod tasks;
mod workspace;
