//! reader

use statusdoc_model::Document;
use statusdoc_reference::Registry;

pub(crate) fn read(_document: &mut Document, _registry: &Registry) {}
