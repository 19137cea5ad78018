//! Integration tests: the real app on a real PostgreSQL, through HTTP and headless Chromium.

mod admin;
mod assets;
mod auth;
mod browser;
mod browser_catalog;
mod browser_funding;
mod browser_journeys;
mod catalog;
mod browser_national;
mod funding;
mod goals;
mod indicators;
mod knowledge;
mod knowledge_help;
mod layers;
mod measures;
mod national;
mod networks;
mod nodes;
mod operations;
mod partners;
mod scale;
mod security;
mod site;
mod support;
mod workspace;
