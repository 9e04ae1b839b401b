# Extra make settings for the standard variant (none).
