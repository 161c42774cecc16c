//! A crate outside the workspace that depends on this one by path compiles and sees the
//! catalog (`consumer/`).

use std::path::Path;
use std::process::Command;

#[test]
fn a_crate_outside_the_workspace_uses_the_catalog() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // A target folder of its own: the outer build may still hold the workspace's lock.
    let target = here.join("../../target/consumer");
    let output = Command::new(cargo)
        .args(["run", "--quiet", "--offline", "--manifest-path"])
        .arg(here.join("consumer/Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the consumer failed:\n{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        stdout.trim(),
        "415 Unsupported Media Type | oracle-iam-identity-domains: 415 \"Not Acceptable\" (SD101)"
    );
}
