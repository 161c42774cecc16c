//! Feature unification for the xtask build; see `Cargo.toml`. No code.
