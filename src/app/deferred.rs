//! Views whose code is loaded the first time they are shown.
//!
//! In the release build (cargo feature `split`, set in index.html) each view
//! declared with [`deferred!`] is a wasm module of its own: `wasm-split-cli`
//! cuts it out of the main module after the build (scripts/split.mjs), and it is
//! fetched when first needed. The first load then carries the shell, the start
//! page, the header search and the dataset, not the code of every view. Without
//! the feature (debug builds, the in-browser tests) the same functions are plain
//! and always ready, so every view renders exactly as it did before.
//!
//! A view not yet loaded shows "Loading…"; when its module arrives, the shell
//! renders the route again (it tracks [`arrived`]) and this time the view is
//! ready. A module that fails to load (offline, no cached copy) is said in words
//! with a "Try again" button; nothing else on the page is lost.

use leptos::prelude::*;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// A deferred view's module could not be loaded.
#[derive(Debug)]
pub struct Unloaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unloaded
    }
}

/// Declares `fn $name(args) -> AnyView` as a deferred view in the wasm module
/// `$module`: an async function returning the view once its module is loaded, and
/// `$preload()`, which loads the module without rendering. The views of one module
/// are loaded together (fewer, larger files: code they share is not cut up).
macro_rules! deferred {
    ($module:ident: $name:ident, $preload:ident, ($($arg:ident: $ty:ty),*) $body:block) => {
        #[cfg(feature = "split")]
        #[allow(improper_ctypes_definitions, improper_ctypes)]
        #[::leptos::wasm_split::wasm_split($module, fallible, wasm_split_path = ::leptos::wasm_split, preload($preload))]
        fn $name($($arg: $ty),*) -> Result<AnyView, $crate::app::deferred::Unloaded> {
            let view: AnyView = $body;
            Ok(view)
        }
        #[cfg(not(feature = "split"))]
        async fn $name($($arg: $ty),*) -> Result<AnyView, $crate::app::deferred::Unloaded> {
            let view: AnyView = $body;
            Ok(view)
        }
        #[cfg(not(feature = "split"))]
        async fn $preload() -> Result<(), $crate::app::deferred::Unloaded> {
            Ok(())
        }
    };
}
pub(crate) use deferred;

thread_local! {
    /// Counts the modules that finished loading (or failed): the shell re-renders
    /// the route when it changes while a placeholder is shown.
    /// Reference-counted, not owned by the reactive scope that first reads it (which
    /// is disposed when the route changes).
    static ARRIVED: ArcRwSignal<u32> = ArcRwSignal::new(0);
    /// The deferred functions loaded, and those being loaded (by key).
    static LOADED: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    static LOADING: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The modules whose last load failed, until "Try again".
    static FAILED: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What a view not yet loaded shows, as a selector (the shell waits for it to go
/// before it moves the focus to the new view).
pub const PLACEHOLDER: &str = "main .deferred-loading";

/// Runs `f` in the first frame in which the view is shown: a deferred view
/// (`app::deferred`) opened for the first time shows "Loading…" until its module
/// has arrived. Gives up after about ten seconds (the view then says why).
pub fn when_shown(f: impl FnOnce() + 'static) {
    fn next(f: Box<dyn FnOnce()>, frames: u32) {
        request_animation_frame(move || {
            let loading = document()
                .query_selector(PLACEHOLDER)
                .ok()
                .flatten()
                .is_some();
            match (loading, frames) {
                (false, _) => f(),
                (true, 0) => {}
                (true, n) => next(f, n - 1),
            }
        });
    }
    next(Box::new(f), 600);
}

/// The signal the shell tracks while a placeholder is shown.
pub fn arrived() -> ArcRwSignal<u32> {
    ARRIVED.with(|a| a.clone())
}

/// Polls a future once, without an executor: `Some` if it is already done.
fn now<F: Future>(f: std::pin::Pin<&mut F>) -> Option<F::Output> {
    match f.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}

/// Starts `preload` (which loads `module`), named `key`, unless it is done or under
/// way; when it is done, the shell renders the route again. Each deferred function
/// has a preload of its own (all those of one module load it once).
pub fn fetch<P, E>(key: &'static str, module: &'static str, preload: impl FnOnce() -> P)
where
    P: Future<Output = Result<(), E>> + 'static,
{
    if LOADING.with(|l| l.borrow().contains(&key)) {
        return;
    }
    LOADING.with(|l| l.borrow_mut().push(key));
    // Created here and first polled by the executor (with its waker), never by hand.
    // wasm-bindgen's executor: this may run at start-up, before Leptos has set up its own.
    let load = preload();
    wasm_bindgen_futures::spawn_local(async move {
        let ok = load.await.is_ok();
        LOADING.with(|l| l.borrow_mut().retain(|&k| k != key));
        if ok {
            LOADED.with(|l| l.borrow_mut().push(key));
        } else {
            FAILED.with(|f| f.borrow_mut().push(module));
        }
        arrived().update(|n| *n += 1);
    });
}

/// Shows deferred view `key` of `module`: at once if it is loaded, else "Loading…"
/// (the page's one heading, never the view's own, which comes with the view) and
/// the view's name (`heading`) until it is (then the shell renders the route again),
/// or the reason its module could not be loaded.
pub fn show<P, E, V>(
    key: &'static str,
    module: &'static str,
    heading: String,
    preload: impl FnOnce() -> P,
    view: impl FnOnce() -> V,
) -> AnyView
where
    P: Future<Output = Result<(), E>> + 'static,
    V: Future<Output = Result<AnyView, Unloaded>>,
{
    if FAILED.with(|f| f.borrow().contains(&module)) {
        arrived().track();
        return failed(module);
    }
    // Without the `split` feature every view is in the one module: always ready.
    if cfg!(not(feature = "split")) || LOADED.with(|l| l.borrow().contains(&key)) {
        // Loaded, so the view is ready at the first poll.
        return match now(pin!(view())) {
            Some(Ok(v)) => v,
            _ => failed(module),
        };
    }
    arrived().track();
    fetch(key, module, preload);
    view! {
        <div class="deferred-loading" role="status">
            <h1 class="loading">"Loading…"</h1>
            <p>{heading}</p>
        </div>
    }
    .into_any()
}

/// What a view whose module failed to load shows instead.
fn failed(key: &'static str) -> AnyView {
    let retry = move |_| {
        FAILED.with(|f| f.borrow_mut().retain(|&k| k != key));
        arrived().update(|n| *n += 1);
    };
    view! {
        <div class="notice" role="alert">
            <h1>"This part of Tarikh could not be loaded"</h1>
            <p>"Its code is fetched the first time it is opened, and that failed (perhaps the \
                connection is down). Nothing you saved is lost. Try again, or open the \
                one-file copy of Tarikh, which has every view in it."</p>
            <p><button type="button" on:click=retry>"Try again"</button></p>
        </div>
    }
    .into_any()
}
