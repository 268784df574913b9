using System.Runtime.Versioning;

// Mailseal runs on Linux; the tests check Unix file modes of key files.
[assembly: UnsupportedOSPlatform("windows")]
