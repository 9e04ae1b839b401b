// The standard mpwasm guest: everything in mpconfigport.h, nothing removed.
