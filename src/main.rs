fn main() {
    #[cfg(target_arch = "wasm32")]
    tarikh::app::start();
}
