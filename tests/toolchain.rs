//! The build's version pins agree with each other, so trunk never tries to
//! download a tool (the network is closed on the build machines).

use std::fs;

fn read(path: &str) -> String {
    fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + path).unwrap()
}

#[test]
fn trunk_wasm_bindgen_pin_matches_cargo_lock() {
    let lock = read("Cargo.lock");
    let locked = lock
        .split("[[package]]")
        .find(|p| p.contains("\nname = \"wasm-bindgen\"\n"))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
        .expect("wasm-bindgen in Cargo.lock")
        .trim_matches('"')
        .to_string();
    let trunk = read("Trunk.toml");
    assert!(
        trunk.contains(&format!("wasm_bindgen = \"{locked}\"")),
        "Trunk.toml must pin wasm_bindgen = \"{locked}\" (the version in Cargo.lock)"
    );
}

#[test]
fn release_assets_use_relative_urls() {
    let trunk = read("Trunk.toml");
    assert!(
        trunk.contains("public_url = \"./\""),
        "a sub-path deployment needs public_url = \"./\""
    );
    let index = read("index.html");
    for attr in ["href=\"/", "src=\"/"] {
        assert!(
            !index.contains(attr),
            "index.html has an absolute URL ({attr}…)"
        );
    }
}
