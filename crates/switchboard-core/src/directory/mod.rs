//! CXone Directory Sync for Zoom, prepared offline: phone numbers parsed per region, the
//! phone-number translation pattern sets the admin enters in CXone, and the ACD ↔ Zoom attribute
//! map. Pure logic: the live preview feeds it Zoom users fetched by `vendors`.
