//! Export and import of the progress as a file (the stored JSON): a file
//! that is damaged, foreign or for other cards is refused with the reason,
//! and nothing changes.

use super::store::Keep;
use crate::app::views::common::{download, log};
use crate::core::dataset::DATASET;
use crate::core::link::LinkState;
use crate::core::study::stored::{self, Refusal};
use crate::core::study::{cards_text, Progress, StudyState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the last import did: a message, and for another selection's file the
/// link to study those cards (where the file can be imported).
#[derive(Clone, Default, PartialEq)]
struct Said {
    text: String,
    refused: bool,
    elsewhere: Option<String>,
}

async fn file_text(input: &web_sys::HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?;
    text.as_string()
}

#[component]
pub fn Transfer(keep: Keep, progress: RwSignal<Progress>) -> impl IntoView {
    let ds = &DATASET;
    let link = crate::app::link::use_link::<StudyState>();
    let said = RwSignal::new(Said::default());
    let topic = keep.topic.clone();
    let export = move |_| {
        let p = progress.get_untracked();
        download(
            "tarikh-study-progress.json",
            "application/json",
            &stored::to_json(&p, &topic),
        );
        said.set(Said {
            text: format!("Exported the progress of {}.", cards_text(p.cards.len())),
            ..Said::default()
        });
    };
    let topic = keep.topic.clone();
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let topic = topic.clone();
        leptos::task::spawn_local(async move {
            let text = file_text(&input).await;
            input.set_value("");
            let Some(text) = text else {
                log("Could not read the chosen file");
                said.try_set(Said {
                    text: "The file could not be read. Nothing was changed.".into(),
                    refused: true,
                    elsewhere: None,
                });
                return;
            };
            let here = link.now();
            let next = match stored::import(&text, &topic) {
                Ok(p) => {
                    let n = p.cards.len();
                    progress.try_set(p);
                    Said {
                        text: format!("Imported the progress of {}: it replaces what this device had for these cards.", cards_text(n)),
                        ..Said::default()
                    }
                }
                Err(why) => {
                    let other = match &why {
                        Refusal::OtherTopic(t) => Some(here.of_topic(ds, t)),
                        _ => None,
                    };
                    let words = other
                        .as_ref()
                        .map(|o| o.filter.describe(ds))
                        .unwrap_or_default();
                    Said {
                        text: format!("{} Nothing was changed.", why.message(&words)),
                        refused: true,
                        elsewhere: other.map(|o| o.href(ds)),
                    }
                }
            };
            said.try_set(next);
        });
    };
    view! {
        <section class="study-transfer no-print" aria-labelledby="transfer-heading">
            <h2 id="transfer-heading">"Your progress"</h2>
            <p>"It is kept in this browser, for these cards. To go on on another computer (at school, at home), export it here and import the file there."</p>
            <p class="transfer-actions">
                <button type="button" class="secondary" on:click=export>"Export progress"</button>
                <label class="file-button">"Import progress…"
                    <input type="file" accept=".json,application/json" class="visually-hidden" on:change=import />
                </label>
            </p>
            <div role="status" aria-live="polite">
                {move || said.with(|s| (!s.text.is_empty()).then(|| view! {
                    <p class=if s.refused { "notice-small" } else { "muted" }>
                        {s.text.clone()}
                        {s.elsewhere.clone().map(|h| view! { " " <a href=h>"Study those cards"</a> })}
                    </p>
                }))}
            </div>
        </section>
    }
}
