"""Rules about the suppression comments of articles (`<!-- artlint-disable ... -->`)."""
