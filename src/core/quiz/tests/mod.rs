//! Tests of quiz generation. The checks of each question (`check`) re-derive its
//! answer from the dataset by their own means, not by asking the generator.

use super::{Facts, Spec};
use crate::core::dataset::DATASET;
use crate::core::filter::SearchIndex;
use crate::core::link::LinkState;
use crate::core::route::Route;

mod check;
mod codes;
mod generation;
mod golden;
mod link;
mod shape;
mod strategies;

fn facts() -> &'static Facts<'static> {
    static FACTS: std::sync::OnceLock<Facts<'static>> = std::sync::OnceLock::new();
    FACTS.get_or_init(|| Facts::new(&DATASET))
}

fn spec(link: &str) -> Spec {
    let (spec, notices) = Spec::parse(&DATASET, &Route::parse(link).query);
    assert!(notices.is_empty(), "{link}: {notices:?}");
    spec
}

fn index() -> &'static SearchIndex<'static> {
    static INDEX: std::sync::OnceLock<SearchIndex<'static>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::new(&DATASET))
}
