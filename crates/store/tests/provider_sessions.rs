//! A provider's "this person signed out" ends exactly the web sessions of that sign-in, on both databases.

#![allow(clippy::unwrap_used)]

use velferd_store::{testing, Store};

#[tokio::test]
async fn provider_logout_ends_the_sessions_of_that_sign_in_only() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.expect("connect");
        let far = i64::MAX / 2;
        for id in ["a1", "a2", "b1", "other-issuer", "no-sid"] {
            assert!(store.session_create(id, "{}", far).await.expect("store"));
        }
        store.link_provider_session("a1", "https://idp", Some("sid-a"), "sub-a", 1).await.expect("store");
        store.link_provider_session("a2", "https://idp", Some("sid-a"), "sub-a", 1).await.expect("store");
        store.link_provider_session("b1", "https://idp", Some("sid-b"), "sub-b", 1).await.expect("store");
        store.link_provider_session("other-issuer", "https://other", Some("sid-a"), "sub-a", 1).await.expect("store");
        store.link_provider_session("no-sid", "https://idp", None, "sub-c", 1).await.expect("store");

        assert_eq!(store.end_provider_sessions("https://idp", Some("sid-a"), None).await.expect("store"), 2, "{}", db.label);
        assert_eq!(store.session_load("a1", 0).await.expect("store"), None, "{}", db.label);
        assert_eq!(store.session_load("a2", 0).await.expect("store"), None, "{}", db.label);
        assert!(store.session_load("b1", 0).await.expect("store").is_some(), "{}: another sign-in stays", db.label);
        assert!(store.session_load("other-issuer", 0).await.expect("store").is_some(), "{}: the same sid at another provider stays", db.label);
        assert_eq!(store.end_provider_sessions("https://idp", Some("sid-a"), None).await.expect("store"), 0, "{}: a repeated logout is harmless", db.label);

        assert_eq!(store.end_provider_sessions("https://idp", None, Some("sub-c")).await.expect("store"), 1, "{}: by subject", db.label);
        assert_eq!(store.end_provider_sessions("https://idp", None, None).await.expect("store"), 0, "{}: nothing named, nothing ended", db.label);

        // Housekeeping forgets links whose session is gone.
        store.session_delete("b1").await.expect("store");
        store.delete_expired_sessions(0).await.expect("store");
        assert_eq!(store.end_provider_sessions("https://idp", Some("sid-b"), None).await.expect("store"), 0, "{}", db.label);
        assert!(store.session_load("other-issuer", 0).await.expect("store").is_some(), "{}", db.label);
    }
}
