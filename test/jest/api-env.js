// API tests log nothing unless asked, and never touch the developer's .data folder.
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'silent'
process.env.NODE_ENV = 'test'
