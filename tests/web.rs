//! Components in a real browser (wasm-bindgen-test, headless Chromium).

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use tarikh::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_app() -> HtmlElement {
    let doc = document();
    let wrapper: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&wrapper).unwrap();
    mount_to(wrapper.clone(), App).forget();
    wrapper
}

fn text(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

async fn go(hash: &str) {
    window().location().set_hash(hash).unwrap();
    // hashchange is dispatched asynchronously, then effects update the view.
    sleep(30).await;
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn nav_links_switch_views_and_mark_the_current_one() {
    go("#/timeline").await;
    let app = mount_app();
    tick().await;
    let links = app.query_selector_all("nav[aria-label=Main] a").unwrap();
    assert_eq!(links.length(), 6);
    assert_eq!(text(&app, "main h1"), "Timeline");
    assert_eq!(text(&app, "nav a[aria-current=page]"), "Timeline");

    for (hash, heading, nav) in [
        ("#/people", "People", "People"),
        ("#/map", "Map", "Map"),
        ("#/places/semey", "Semey", "Map"),
        ("#/quiz", "Quiz", "Quiz"),
        ("#/about", "About Tarikh", "About"),
        ("#/disputes", "Disputes", "Disputes"),
        ("#/timeline", "Timeline", "Timeline"),
    ] {
        go(hash).await;
        assert_eq!(text(&app, "main h1"), heading, "{hash}");
        assert_eq!(text(&app, "nav a[aria-current=page]"), nav, "{hash}");
        assert_eq!(
            app.query_selector_all("main h1").unwrap().length(),
            1,
            "one h1 on {hash}"
        );
    }
    app.remove();
}

#[wasm_bindgen_test]
async fn unknown_address_shows_not_found_with_a_way_home() {
    go("#/no-such-view").await;
    let app = mount_app();
    tick().await;
    assert_eq!(text(&app, "main h1"), "Not found");
    assert!(text(&app, "main").contains("no-such-view"));
    let home = app.query_selector("main a[href='#/timeline']").unwrap();
    assert!(home.is_some(), "the not-found view links home");
    assert!(app
        .query_selector("nav a[aria-current=page]")
        .unwrap()
        .is_none());
    app.remove();
}

#[wasm_bindgen_test]
async fn markup_in_the_address_is_shown_as_text() {
    go("#/%3Cimg%20src%3Dx%3E").await;
    let app = mount_app();
    tick().await;
    assert!(app.query_selector("main img").unwrap().is_none());
    assert!(text(&app, "main").contains("<img src=x>"));
    app.remove();
}

/// Built from tests/fixtures/markup (see scripts/test.sh): an event whose title
/// and summary are HTML must show that HTML as text, on its page and on the timeline.
#[wasm_bindgen_test]
async fn data_text_is_shown_as_text_never_as_html() {
    let title = r#"<img src=x onerror="window.pwned=1"> <b>Bold</b> & "quoted""#;
    for hash in ["#/events/markup-test", "#/timeline?q=bold"] {
        go(hash).await;
        let app = mount_app();
        tick().await;
        let main = app.query_selector("main").unwrap().unwrap();
        let text = main.text_content().unwrap_or_default();
        assert!(
            text.contains(title),
            "{hash}: the title is not shown literally: {text}"
        );
        assert!(text.contains("<script>window.pwned = 2</script>"), "{hash}");
        assert!(
            text.contains("click</a> <i>Alash Orda</i> and Alash-Orda"),
            "{hash}: the summary with its glossary link reads as written: {text}"
        );
        // The glossary term is a link where it first appears, and only there.
        let terms = main.query_selector_all("a.term").unwrap();
        assert_eq!(terms.length(), 1, "{hash}");
        let term = terms.get(0).unwrap().unchecked_into::<web_sys::Element>();
        assert_eq!(term.text_content().as_deref(), Some("Alash Orda"));
        assert_eq!(
            term.get_attribute("href").as_deref(),
            Some("#/glossary/alash-orda")
        );
        for tag in ["img", "b", "i", "script", "a[href^=javascript]"] {
            assert!(
                main.query_selector(tag).unwrap().is_none(),
                "{hash}: a <{tag}> element was created from data"
            );
        }
        let pwned = js_sys::Reflect::get(&window(), &"pwned".into()).unwrap();
        assert!(pwned.is_undefined(), "{hash}: data ran as script");
        app.remove();
    }
}

#[wasm_bindgen_test]
async fn a_person_page_lists_the_spellings_and_an_unknown_id_suggests_names() {
    go("#/people/alikhan-bukeikhan").await;
    let app = mount_app();
    tick().await;
    assert_eq!(text(&app, "main h1"), "Alikhan Bukeikhan");
    assert!(text(&app, "table.names").contains("Bokeikhanov"));
    assert_eq!(text(&app, "nav a[aria-current=page]"), "People");

    go("#/people/bokeikhanov").await;
    assert_eq!(text(&app, "main h1"), "Not found");
    assert_eq!(text(&app, "ul.suggested a"), "Alikhan Bukeikhan");

    // Markup in the id is text, and a nonsense id still gets a page.
    go("#/people/%3Cimg%20src%3Dx%3E").await;
    assert_eq!(text(&app, "main h1"), "Not found");
    assert!(app.query_selector("main img").unwrap().is_none());
    app.remove();
}
