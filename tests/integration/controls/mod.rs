//! The roles of the controls a reader operates, for the tests that walk them.

use egui::accesskit::Role;

/// Roles a user operates, which a screen reader must be able to name.
pub const CONTROLS: &[Role] = &[
    Role::Button,
    Role::Link,
    Role::TextInput,
    Role::MultilineTextInput,
    Role::SearchInput,
    Role::Slider,
    Role::SpinButton,
    Role::CheckBox,
    Role::RadioButton,
    Role::ComboBox,
    Role::Tab,
    Role::MenuItem,
    Role::MenuItemRadio,
    Role::ListBoxOption,
];
